package dev.switchboard;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Certificates and keys made on the spot for TLS tests, valid for {@code 127.0.0.1} and {@code
 * localhost}, written as the PEM files an operator would give the server.
 */
public final class TestPki {
  private static final AtomicLong serials = new AtomicLong(1);

  private TestPki() {}

  /** A key type; the signature algorithm goes with it. */
  public enum KeyType {
    RSA("SHA256withRSA"),
    EC("SHA256withECDSA");

    private final String signature;

    KeyType(String signature) {
      this.signature = signature;
    }

    public KeyPair generate() {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(name());
        if (this == RSA) {
          generator.initialize(2048);
        } else {
          generator.initialize(new ECGenParameterSpec("secp256r1"));
        }
        return generator.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * How a private key is written: {@code BEGIN PRIVATE KEY} or {@code BEGIN RSA/EC PRIVATE KEY}.
   */
  public enum KeyFormat {
    PKCS8,
    TRADITIONAL
  }

  /** A certificate with its key pair. */
  public record Issued(X509Certificate certificate, KeyPair keys) {}

  /** A self-signed server certificate for the loopback names. */
  public static Issued selfSigned(KeyType type) {
    KeyPair keys = type.generate();
    return new Issued(sign("switchboard-test", keys, "switchboard-test", keys, false), keys);
  }

  /** A certificate authority (root when {@code issuer} is null, else an intermediate). */
  public static Issued authority(String name, Issued issuer) {
    KeyPair keys = KeyType.EC.generate();
    return issuer == null
        ? new Issued(sign(name, keys, name, keys, true), keys)
        : new Issued(sign(name, keys, issuerName(issuer), issuer.keys(), true), keys);
  }

  /** A server certificate for the loopback names signed by {@code issuer}. */
  public static Issued server(Issued issuer) {
    KeyPair keys = KeyType.EC.generate();
    return new Issued(
        sign("switchboard-test", keys, issuerName(issuer), issuer.keys(), false), keys);
  }

  /** Writes the certificates to {@code file} in the order given. */
  public static Path writeChain(Path file, X509Certificate... chain) {
    return writePem(file, (Object[]) chain);
  }

  public static Path writeKey(Path file, KeyPair keys, KeyFormat format) {
    try {
      if (format == KeyFormat.PKCS8) {
        return writePem(file, new JcaPKCS8Generator(keys.getPrivate(), null).generate());
      }
      return writePem(
          file, keys.getPrivate().getAlgorithm().equals("EC") ? sec1(keys) : keys.getPrivate());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** As OpenSSL writes it: curve and public key inside (Bouncy Castle's writer leaves them out). */
  private static PemObject sec1(KeyPair keys) throws IOException {
    PrivateKeyInfo pkcs8 = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
    org.bouncycastle.asn1.sec.ECPrivateKey inner =
        org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(pkcs8.parsePrivateKey());
    org.bouncycastle.asn1.sec.ECPrivateKey full =
        new org.bouncycastle.asn1.sec.ECPrivateKey(
            256,
            inner.getKey(),
            SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData(),
            pkcs8.getPrivateKeyAlgorithm().getParameters());
    return new PemObject("EC PRIVATE KEY", full.getEncoded());
  }

  /** A client context that trusts {@code anchor} (and so what it issued) and nothing else. */
  public static SSLContext trusting(X509Certificate anchor) {
    return trusting(anchor, "TLS");
  }

  /** As {@link #trusting(X509Certificate)}, for {@code protocol} ("TLS", "TLSv1.1", …). */
  public static SSLContext trusting(X509Certificate anchor, String protocol) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("anchor", anchor);
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance(protocol);
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String issuerName(Issued issuer) {
    return issuer.certificate().getSubjectX500Principal().getName().substring("CN=".length());
  }

  private static X509Certificate sign(
      String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys, boolean authority) {
    Instant now = Instant.now();
    try {
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              new X500Principal("CN=" + issuer),
              BigInteger.valueOf(serials.getAndIncrement()),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(1))),
              new X500Principal("CN=" + subject),
              subjectKeys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
      if (!authority) {
        builder.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(
                new GeneralName[] {
                  new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                  new GeneralName(GeneralName.dNSName, "localhost")
                }));
      }
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder(
                          KeyType.valueOf(issuerKeys.getPrivate().getAlgorithm()).signature)
                      .build(issuerKeys.getPrivate())));
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path writePem(Path file, Object... items) {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(out)) {
      for (Object item : items) {
        pem.writeObject(item);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return file;
  }
}
