package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.TestPki;
import dev.switchboard.TestPki.Issued;
import dev.switchboard.TestPki.KeyFormat;
import dev.switchboard.TestPki.KeyType;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The jar with {@code --tls-cert}/{@code --tls-key}: HTTPS only, TLS 1.2+, clear start errors. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsIT {
  private static final String IDP_TOKEN = "tls-it-idp-token";

  /** The JDK's TLS defaults less the ban on TLS 1.0 and 1.1, so only our own setting is left. */
  private static final String OLD_PROTOCOLS_ALLOWED =
      "jdk.tls.disabledAlgorithms=SSLv3, DTLSv1.0, RC4, DES, MD5withRSA, DH keySize < 1024,"
          + " EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n";

  @TempDir Path dir;

  @Test
  void servesScimOverHttpsWithTheGivenCertificate() throws Exception {
    Issued server = TestPki.selfSigned(KeyType.RSA);
    try (JarProcess jar =
        JarProcess.start(
            dir.resolve("switchboard.db"),
            Map.of("SWITCHBOARD_IDP_TOKEN", IDP_TOKEN),
            "--tls-cert",
            TestPki.writeChain(dir.resolve("cert.pem"), server.certificate()).toString(),
            "--tls-key",
            TestPki.writeKey(dir.resolve("key.pem"), server.keys(), KeyFormat.TRADITIONAL)
                .toString())) {
      assertTrue(jar.stdout().contains("listening on https://127.0.0.1:"), jar.stdout());
      HttpClient client =
          HttpClient.newBuilder().sslContext(TestPki.trusting(server.certificate())).build();
      HttpResponse<String> users =
          client.send(
              HttpRequest.newBuilder(URI.create(jar.scimBase() + "/Users"))
                  .timeout(Duration.ofSeconds(15))
                  .header("Authorization", "Bearer " + IDP_TOKEN)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, users.statusCode(), users.body());
    }
  }

  @Test
  void refusesTls11EvenWhenTheJvmWouldAllowIt() throws Exception {
    Issued server = TestPki.selfSigned(KeyType.RSA);
    Path security = Files.writeString(dir.resolve("old-tls.security"), OLD_PROTOCOLS_ALLOWED);
    try (JarProcess jar =
        JarProcess.start(
            dir.resolve("switchboard.db"),
            Map.of("JAVA_TOOL_OPTIONS", "-Djava.security.properties=" + security),
            "--tls-cert",
            TestPki.writeChain(dir.resolve("cert.pem"), server.certificate()).toString(),
            "--tls-key",
            TestPki.writeKey(dir.resolve("key.pem"), server.keys(), KeyFormat.PKCS8).toString())) {
      byte[] answer = sendClientHello(jar.scimBase(), 0x0302);
      // 0x16 … 0x02 would be a ServerHello: the server agreed to speak TLS 1.1.
      assertFalse(
          answer.length > 5 && answer[0] == 0x16 && answer[5] == 0x02,
          "the server answered a TLS 1.1 ClientHello with: " + HexFormat.of().formatHex(answer));
      assertTrue(
          sendClientHello(jar.scimBase(), 0x0303)[0] == 0x16,
          "the same hello as TLS 1.2 gets a handshake answer");
    }
  }

  @Test
  void aCertificateWithoutItsKeyStopsTheStartWithAReason() {
    Path certificate =
        TestPki.writeChain(dir.resolve("cert.pem"), TestPki.selfSigned(KeyType.EC).certificate());

    JarProcess.CommandResult result =
        JarProcess.run(dir, "--port", "0", "--tls-cert", certificate.toString());

    assertNotEquals(0, result.exitCode(), result.toString());
    assertTrue(
        result.stderr().contains("HTTPS needs both --tls-cert and --tls-key"), result.toString());
    assertFalse(Files.exists(dir.resolve("switchboard.db")), "nothing opened before the check");
  }

  @Test
  void aKeyForAnotherCertificateStopsTheStartNamingTheFile() {
    Path certificate =
        TestPki.writeChain(dir.resolve("cert.pem"), TestPki.selfSigned(KeyType.EC).certificate());
    Path otherKey =
        TestPki.writeKey(dir.resolve("other-key.pem"), KeyType.EC.generate(), KeyFormat.PKCS8);

    JarProcess.CommandResult result =
        JarProcess.run(
            dir,
            "--port",
            "0",
            "--tls-cert",
            certificate.toString(),
            "--tls-key",
            otherKey.toString());

    assertNotEquals(0, result.exitCode(), result.toString());
    assertTrue(
        result.stderr().contains("the TLS key " + otherKey + " does not belong"),
        result.toString());
    assertFalse(result.stderr().contains("\tat "), "a reason, not a stack trace:\n" + result);
  }

  /**
   * Sends a bare ClientHello (RFC 5246 §7.4.1.2) offering only {@code version}, as a client of our
   * own making: the JDK's client would refuse TLS 1.1 before asking. Returns the first bytes of the
   * answer (empty if the server just closed).
   */
  private static byte[] sendClientHello(URI server, int version) throws IOException {
    ByteArrayOutputStream hello = new ByteArrayOutputStream();
    DataOutputStream body = new DataOutputStream(hello);
    body.writeShort(version);
    body.write(new byte[32]); // random
    body.writeByte(0); // no session id
    int[] suites = {0xc013, 0xc014, 0xc009, 0xc00a, 0xc02f, 0xc02b, 0x002f, 0x0035};
    body.writeShort(suites.length * 2);
    for (int suite : suites) {
      body.writeShort(suite);
    }
    body.write(new byte[] {1, 0}); // compression: null only
    byte[] extensions =
        HexFormat.of()
            .parseHex(
                "000a00080006001700180019" // supported_groups: P-256, P-384, P-521
                    + "000b00020100" // ec_point_formats: uncompressed
                    + "000d000a00080401050104030503"); // signature_algorithms (read in TLS 1.2)
    body.writeShort(extensions.length);
    body.write(extensions);

    ByteArrayOutputStream record = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(record);
    out.writeByte(0x16); // handshake
    out.writeShort(0x0301);
    out.writeShort(hello.size() + 4);
    out.writeByte(0x01); // client_hello
    out.writeByte(0);
    out.writeShort(hello.size());
    out.write(hello.toByteArray());

    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(15_000);
      socket.getOutputStream().write(record.toByteArray());
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      return in.readNBytes(16);
    }
  }
}
