package dev.switchboard.http.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each limit is a clear SCIM error: bodies over maxPayloadSize (8 MiB, sized or chunked, /Bulk too)
 * → 413; a request head over 64 KiB → 400 and the connection closed; a filter over 10,000
 * characters or nested over 50 deep → 400 invalidFilter saying the limit; {@code count} above
 * filter.maxResults is capped and a negative one means 0.
 */
class LimitsTest {
  private static final int MAX_PAYLOAD = 8 * 1024 * 1024;
  private static TestServer server;
  private static Wire wire;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    wire = new Wire(server.base());
    for (int i = 0; i < 3; i++) {
      server.createUser("limit-" + i + "@example.com");
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aBodyOverMaxPayloadSizeIs413() {
    Wire.Answer answer = wire.send(Probe.of("POST", "/Users", oversizedBody()));
    assertEquals(413, answer.status());
    assertError(answer, 413, "maxPayloadSize");
  }

  @Test
  void aChunkedBodyOverMaxPayloadSizeIs413() throws Exception {
    byte[] body = oversizedBody().getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.base() + "/Bulk"))
            .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
            .header("Content-Type", Probe.SCIM_JSON)
            // A publisher of unknown length: the client sends Transfer-Encoding: chunked.
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(body)))
            .build();
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(413, response.statusCode());
    assertTrue(response.body().contains("maxPayloadSize"), response.body());
  }

  @Test
  void bulkMaxOperationsAndMaxPayloadSizeAreAdvertised() {
    Wire.Answer config = wire.send(Probe.of("GET", "/ServiceProviderConfig", null));
    assertEquals(1000, config.body().path("bulk").path("maxOperations").asInt());
    assertEquals(MAX_PAYLOAD, config.body().path("bulk").path("maxPayloadSize").asInt());
    assertEquals(1000, config.body().path("filter").path("maxResults").asInt());
  }

  @Test
  void aRequestHeadOver64KibIsAScimErrorAndClosesTheConnection() {
    String answer =
        raw("GET /scim/v2/Users?filter=" + "x".repeat(70_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
    assertTrue(answer.contains("Content-Type: application/scim+json"), answer);
    assertTrue(answer.contains("Connection: close"), answer);
    assertTrue(answer.contains("64 KiB"), answer);
  }

  @Test
  void aFilterOverTenThousandCharactersIsInvalidFilter() {
    String filter = "userName eq \"" + "a".repeat(10_000) + "\"";
    Wire.Answer answer = wire.send(search(filter));
    assertEquals(400, answer.status());
    assertEquals("invalidFilter", answer.body().path("scimType").asText());
    assertTrue(answer.body().path("detail").asText().contains("10000"), answer.text());
  }

  @Test
  void aFilterNestedOverFiftyDeepIsInvalidFilterButFiftyIsRead() {
    Wire.Answer tooDeep = wire.send(search(nested(51)));
    assertEquals(400, tooDeep.status());
    assertEquals("invalidFilter", tooDeep.body().path("scimType").asText());
    assertTrue(tooDeep.body().path("detail").asText().contains("50 deep"), tooDeep.text());
    assertEquals(200, wire.send(search(nested(50))).status());
  }

  @Test
  void aCountAboveMaxResultsIsCappedAndANegativeOneMeansZero() {
    Wire.Answer capped = wire.send(Probe.of("GET", "/Users?count=5000", null));
    assertEquals(200, capped.status());
    assertEquals(3, capped.body().path("itemsPerPage").asInt());
    Wire.Answer huge = wire.send(Probe.of("GET", "/Users?count=99999999999", null));
    assertEquals(200, huge.status(), huge.text());
    Wire.Answer negative = wire.send(Probe.of("GET", "/Users?count=-5", null));
    assertEquals(200, negative.status());
    assertEquals(0, negative.body().path("itemsPerPage").asInt());
    assertEquals(3, negative.body().path("totalResults").asInt());
  }

  private static Probe search(String filter) {
    return Probe.of(
        "GET", "/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8), null);
  }

  private static String nested(int depth) {
    return "(".repeat(depth) + "userName eq \"limit-1@example.com\"" + ")".repeat(depth);
  }

  private static String oversizedBody() {
    char[] padding = new char[MAX_PAYLOAD];
    Arrays.fill(padding, 'x');
    return "{\"userName\":\"big\",\"zzPadding\":\"" + new String(padding) + "\"}";
  }

  private static void assertError(Wire.Answer answer, int status, String detailMentions) {
    assertEquals(String.valueOf(status), answer.body().path("status").asText(), answer.text());
    assertTrue(answer.body().path("detail").asText().contains(detailMentions), answer.text());
  }

  private static String raw(String head) {
    try (Socket socket = new Socket(server.base().getHost(), server.base().getPort())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
