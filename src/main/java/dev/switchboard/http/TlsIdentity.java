package dev.switchboard.http;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * The certificate chain and private key the server presents over HTTPS, read from PEM files: a
 * chain with the leaf first and intermediates after, and an unencrypted key as PKCS#8 ({@code BEGIN
 * PRIVATE KEY}), PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}) or SEC1 EC ({@code BEGIN EC PRIVATE
 * KEY}). Every problem with the files is an {@link IllegalArgumentException} naming the file and
 * saying what to fix. Immutable and thread-safe.
 */
public final class TlsIdentity {
  private static final char[] NO_PASSWORD = new char[0];

  private final List<X509Certificate> chain;
  private final SSLContext sslContext;

  private TlsIdentity(List<X509Certificate> chain, SSLContext sslContext) {
    this.chain = chain;
    this.sslContext = sslContext;
  }

  /** Reads and checks {@code certificateFile} and {@code keyFile}; the key must match the leaf. */
  public static TlsIdentity readPem(Path certificateFile, Path keyFile) {
    List<X509Certificate> chain = readChain(certificateFile);
    PrivateKey key = readKey(keyFile);
    if (!matches(key, chain.get(0))) {
      throw new IllegalArgumentException(
          "the TLS key "
              + keyFile
              + " does not belong to the first certificate in "
              + certificateFile
              + " ("
              + chain.get(0).getSubjectX500Principal().getName()
              + "); the chain file must start with the server's own certificate");
    }
    return new TlsIdentity(chain, sslContext(chain, key));
  }

  /**
   * A context whose key manager presents this chain; the listener sets protocols on its engines.
   */
  SSLContext sslContext() {
    return sslContext;
  }

  @Override
  public String toString() {
    return "TlsIdentity[" + chain.get(0).getSubjectX500Principal().getName() + "]";
  }

  private static List<X509Certificate> readChain(Path file) {
    List<X509Certificate> chain = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    try (PEMParser pem = parser(file, "certificate")) {
      for (Object item = pem.readObject(); item != null; item = pem.readObject()) {
        if (item instanceof X509CertificateHolder holder) {
          chain.add(converter.getCertificate(holder));
        }
      }
    } catch (IOException | GeneralSecurityException | IllegalStateException e) {
      // IllegalStateException: Bouncy Castle's DecoderException for a damaged base64 body
      throw unreadable("certificate", file, e);
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException(
          "the TLS certificate file "
              + file
              + " holds no '-----BEGIN CERTIFICATE-----' block; give a PEM chain, leaf first");
    }
    return List.copyOf(chain);
  }

  private static PrivateKey readKey(Path file) {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try (PEMParser pem = parser(file, "key")) {
      // SEC1 files often open with an EC PARAMETERS block; skip to the key itself.
      for (Object item = pem.readObject(); item != null; item = pem.readObject()) {
        if (item instanceof PrivateKeyInfo pkcs8) {
          return converter.getPrivateKey(pkcs8);
        }
        if (item instanceof PEMKeyPair pair) {
          // Not getKeyPair: a SEC1 key may leave out its (optional) public half.
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo) {
          throw new IllegalArgumentException(
              "the TLS key "
                  + file
                  + " is encrypted; give it unencrypted (e.g. 'openssl pkey -in "
                  + file
                  + " -out key.pem') and protect it with file permissions");
        }
      }
    } catch (IOException | IllegalStateException e) {
      throw unreadable("key", file, e);
    }
    throw new IllegalArgumentException(
        "the TLS key file "
            + file
            + " holds no private key; give a PEM block 'BEGIN PRIVATE KEY', 'BEGIN RSA PRIVATE"
            + " KEY' or 'BEGIN EC PRIVATE KEY'");
  }

  private static PEMParser parser(Path file, String what) {
    try {
      Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
      return new PEMParser(reader);
    } catch (IOException e) {
      throw unreadable(what, file, e);
    }
  }

  private static IllegalArgumentException unreadable(String what, Path file, Exception cause) {
    String reason =
        cause instanceof NoSuchFileException
            ? "no such file"
            : cause instanceof AccessDeniedException ? "permission denied" : cause.getMessage();
    return new IllegalArgumentException(
        "cannot read the TLS " + what + " file " + file + ": " + reason, cause);
  }

  /** Signs with the key and verifies with the certificate: works for every key type alike. */
  private static boolean matches(PrivateKey key, X509Certificate leaf) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> key.getAlgorithm(); // Ed25519, Ed448 name their own signature
        };
    byte[] probe = "switchboard".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(leaf.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static SSLContext sslContext(List<X509Certificate> chain, PrivateKey key) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("switchboard", key, NO_PASSWORD, chain.toArray(new X509Certificate[0]));
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, NO_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS with the given key and chain", e);
    }
  }
}
