package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.TestPki;
import dev.switchboard.TestPki.Issued;
import dev.switchboard.TestPki.KeyFormat;
import dev.switchboard.TestPki.KeyType;
import dev.switchboard.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTTPS with the operator's PEM files: what is served, to whom, and what is refused at start. */
class TlsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} key as {2}")
  @CsvSource({
    "RSA, PKCS8, BEGIN PRIVATE KEY",
    "RSA, TRADITIONAL, BEGIN RSA PRIVATE KEY",
    "EC, PKCS8, BEGIN PRIVATE KEY",
    "EC, TRADITIONAL, BEGIN EC PRIVATE KEY"
  })
  void servesScimOverHttpsWithEachKeyFormat(KeyType type, KeyFormat format, String header)
      throws Exception {
    Issued server = TestPki.selfSigned(type);
    Path key = TestPki.writeKey(dir.resolve("key.pem"), server.keys(), format);
    assertTrue(Files.readString(key).startsWith("-----" + header + "-----"), Files.readString(key));
    TlsIdentity identity =
        TlsIdentity.readPem(TestPki.writeChain(dir.resolve("cert.pem"), server.certificate()), key);
    try (TestServer running = startWith(identity)) {
      assertEquals("https", running.base().getScheme());
      HttpResponse<String> response =
          get(client(TestPki.trusting(server.certificate())), running.base());
      assertEquals(200, response.statusCode(), response.body());
      assertEquals("TLSv1.3", response.sslSession().orElseThrow().getProtocol());
      assertEquals(HttpClient.Version.HTTP_2, response.version());
    }
  }

  @Test
  void presentsTheIntermediatesFromTheChainFile() throws Exception {
    Issued root = TestPki.authority("test-root", null);
    Issued intermediate = TestPki.authority("test-intermediate", root);
    Issued leaf = TestPki.server(intermediate);
    TlsIdentity identity =
        TlsIdentity.readPem(
            TestPki.writeChain(
                dir.resolve("chain.pem"), leaf.certificate(), intermediate.certificate()),
            TestPki.writeKey(dir.resolve("key.pem"), leaf.keys(), KeyFormat.PKCS8));
    try (TestServer running = startWith(identity)) {
      // The client knows only the root: the handshake works only if the server sends the middle.
      HttpResponse<String> response =
          get(client(TestPki.trusting(root.certificate())), running.base());
      assertEquals(200, response.statusCode(), response.body());
    }
  }

  @Test
  void refusesTls11AndAcceptsTls12() throws Exception {
    Issued server = TestPki.selfSigned(KeyType.RSA);
    try (TestServer running = startWith(identity(server))) {
      SSLContext trust = TestPki.trusting(server.certificate());
      // The JDK's own defaults refuse TLS 1.1 too; TlsIT shows the server refuses it on its own.
      assertThrows(IOException.class, () -> get(client(trust, "TLSv1.1"), running.base()));
      HttpResponse<String> response = get(client(trust, "TLSv1.2"), running.base());
      assertEquals(200, response.statusCode());
      assertEquals("TLSv1.2", response.sslSession().orElseThrow().getProtocol());
    }
  }

  @Test
  void plainHttpToTheTlsPortGetsNoAnswer() throws Exception {
    Issued server = TestPki.selfSigned(KeyType.EC);
    try (TestServer running = startWith(identity(server))) {
      URI plain = URI.create(running.base().toString().replaceFirst("^https:", "http:"));
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(TIMEOUT)
              .build();
      assertThrows(IOException.class, () -> get(client, plain));
    }
  }

  @Test
  void aKeyThatIsNotTheCertificatesIsRefusedNamingBothFiles() {
    Issued server = TestPki.selfSigned(KeyType.RSA);
    Path certificate = TestPki.writeChain(dir.resolve("cert.pem"), server.certificate());
    Path otherKey =
        TestPki.writeKey(dir.resolve("other-key.pem"), KeyType.RSA.generate(), KeyFormat.PKCS8);
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> TlsIdentity.readPem(certificate, otherKey));
    assertTrue(refused.getMessage().contains(otherKey.toString()), refused.getMessage());
    assertTrue(refused.getMessage().contains(certificate.toString()), refused.getMessage());
    assertTrue(refused.getMessage().contains("does not belong"), refused.getMessage());
  }

  @Test
  void filesWithoutCertificateOrKeyAreRefusedByName() throws IOException {
    Issued server = TestPki.selfSigned(KeyType.EC);
    Path certificate = TestPki.writeChain(dir.resolve("cert.pem"), server.certificate());
    Path key = TestPki.writeKey(dir.resolve("key.pem"), server.keys(), KeyFormat.PKCS8);
    Path missing = dir.resolve("missing.pem");
    Path damaged =
        Files.writeString(dir.resolve("damaged.pem"), "-----BEGIN CERTIFICATE-----\n!!\n");

    assertMessageNames(
        key, "holds no '-----BEGIN CERTIFICATE-----'", () -> TlsIdentity.readPem(key, key));
    assertMessageNames(
        certificate, "holds no private key", () -> TlsIdentity.readPem(certificate, certificate));
    assertMessageNames(
        missing,
        "cannot read the TLS certificate file " + missing + ": no such file",
        () -> TlsIdentity.readPem(missing, key));
    assertMessageNames(
        missing, "cannot read the TLS key file", () -> TlsIdentity.readPem(certificate, missing));
    assertMessageNames(
        damaged, "cannot read the TLS certificate file", () -> TlsIdentity.readPem(damaged, key));
  }

  private static void assertMessageNames(Path file, String says, Runnable start) {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, start::run);
    assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
    assertTrue(refused.getMessage().contains(says), refused.getMessage());
  }

  private TlsIdentity identity(Issued server) {
    return TlsIdentity.readPem(
        TestPki.writeChain(dir.resolve("cert.pem"), server.certificate()),
        TestPki.writeKey(dir.resolve("key.pem"), server.keys(), KeyFormat.PKCS8));
  }

  private static TestServer startWith(TlsIdentity identity) {
    return TestServer.startWith(ServerConfig.loopback(0).withTls(identity), Clock.systemUTC());
  }

  private static HttpClient client(SSLContext trust) {
    return HttpClient.newBuilder().sslContext(trust).connectTimeout(TIMEOUT).build();
  }

  private static HttpClient client(SSLContext trust, String onlyProtocol) {
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(new String[] {onlyProtocol});
    return HttpClient.newBuilder()
        .sslContext(trust)
        .sslParameters(parameters)
        .connectTimeout(TIMEOUT)
        .build();
  }

  private static HttpResponse<String> get(HttpClient client, URI base)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + "/Users"))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + TestServer.IDP_TOKEN)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
