package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --log-format json} as a log shipper meets it: every line the jar writes to stderr is one
 * JSON object, the access log's entries carry method, route template, status, duration and token
 * name as fields, and no line holds the token, a raw id or a query value.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LogFormatIT {
  private static final ObjectMapper json = new ObjectMapper();
  private static final String TOKEN = "it-admin-token-5f1e9c";
  private static final String SECRET = "s3cret-filter-value";

  @TempDir Path dir;

  @Test
  void jsonFormatWritesOneObjectPerStderrLineWithAccessFields() throws Exception {
    String stderr;
    String id;
    try (JarProcess server =
        JarProcess.start(
            dir.resolve("switchboard.db"),
            Map.of("SWITCHBOARD_ADMIN_TOKEN", TOKEN),
            "--log-format",
            "json")) {
      id = exercise(server);
      stderr = awaitStderr(server, "\"status\":401");
    }

    List<JsonNode> entries = parseEveryLine(stderr);
    List<JsonNode> access =
        entries.stream()
            .filter(entry -> entry.path("logger_name").asText().equals("switchboard.access"))
            .toList();
    assertTrue(
        access.stream()
            .anyMatch(
                entry ->
                    entry.path("method").asText().equals("GET")
                        && entry.path("route").asText().equals("/scim/v2/Users/{id}")
                        && entry.path("status").asInt() == 200
                        && entry.path("durationMs").isNumber()
                        && entry.path("token").asText().equals("env:SWITCHBOARD_ADMIN_TOKEN")),
        stderr);
    assertTrue(
        access.stream()
            .anyMatch(
                entry ->
                    entry.path("status").asInt() == 401
                        && entry.path("token").asText().equals("-")),
        stderr);
    assertFalse(stderr.contains(TOKEN), "the token was logged:\n" + stderr);
    assertFalse(stderr.contains(id), "a raw id was logged:\n" + stderr);
    assertFalse(stderr.contains(SECRET), "a query value was logged:\n" + stderr);
  }

  @Test
  void theEnvironmentVariableSelectsJsonToo() throws Exception {
    String stderr;
    try (JarProcess server =
        JarProcess.start(
            dir.resolve("switchboard.db"),
            Map.of("SWITCHBOARD_ADMIN_TOKEN", TOKEN, "SWITCHBOARD_LOG_FORMAT", "json"))) {
      assertEquals(200, server.send("GET", "/scim/v2/Users", TOKEN, null).statusCode());
      stderr = awaitStderr(server, "\"route\":\"/scim/v2/Users\"");
    }

    assertTrue(
        parseEveryLine(stderr).stream()
            .anyMatch(entry -> entry.path("route").asText().equals("/scim/v2/Users")),
        stderr);
  }

  /** Creates a user, reads it, searches with a filter, scrapes, and calls without a token. */
  private static String exercise(JarProcess server) throws IOException, InterruptedException {
    HttpResponse<String> created =
        server.send(
            "POST",
            "/scim/v2/Users",
            TOKEN,
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"ada\"}");
    assertEquals(201, created.statusCode(), created.body());
    String id = json.readTree(created.body()).get("id").asText();
    assertEquals(200, server.send("GET", "/scim/v2/Users/" + id, TOKEN, null).statusCode());
    String filter = URLEncoder.encode("userName eq \"" + SECRET + "\"", StandardCharsets.UTF_8);
    assertEquals(
        200, server.send("GET", "/scim/v2/Users?filter=" + filter, TOKEN, null).statusCode());
    assertEquals(200, server.send("GET", "/metrics", TOKEN, null).statusCode());
    assertEquals(401, server.send("GET", "/scim/v2/Users/" + id, null, null).statusCode());
    return id;
  }

  /**
   * Stderr once it holds {@code text} (the access line of the last request is written a moment
   * after its response), read while the server runs: stopping it closes the pipe mid-read.
   */
  private static String awaitStderr(JarProcess server, String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!server.stderr().contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return server.stderr();
  }

  private static List<JsonNode> parseEveryLine(String stderr) {
    List<JsonNode> entries = new ArrayList<>();
    for (String line : stderr.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      try {
        JsonNode entry = json.readTree(line);
        assertTrue(entry.isObject(), "not a JSON object: " + line);
        entries.add(entry);
      } catch (IOException e) {
        throw new AssertionError("not a JSON line: " + line + "\n--- stderr ---\n" + stderr, e);
      }
    }
    assertFalse(entries.isEmpty(), "nothing on stderr");
    return entries;
  }
}
