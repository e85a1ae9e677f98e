package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.switchboard.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * The access log through the real server: one line per request with method, route template, status,
 * duration and the token's name, and never the token, a raw id or a query value.
 */
class AccessLogTest {
  private static final Pattern LINE =
      Pattern.compile(
          "(GET|POST|PUT|PATCH|DELETE) (/\\S*|UNMATCHED) \\d{3} \\d+\\.\\d{2}ms token=\\S+");

  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final Logger access = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
  private Level configured;
  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start();
    lines.start();
    configured = access.getLevel();
    access.setLevel(Level.INFO); // the build silences it for the other tests (pom.xml)
    access.addAppender(lines);
  }

  @AfterEach
  void stop() {
    access.detachAppender(lines);
    access.setLevel(configured);
    server.close();
  }

  @Test
  void eachRequestLogsOneLineWithRouteTemplateStatusAndTokenName() {
    String id = server.createUser("ada");
    server.get("/Users/" + id);

    ILoggingEvent line = await(2).get(1);
    assertEquals(
        Map.of(
            "method", "GET",
            "route", "/scim/v2/Users/{id}",
            "status", 200,
            "token", "test-admin"),
        fieldsWithoutDuration(line));
    assertTrue(LINE.matcher(line.getFormattedMessage()).matches(), line.getFormattedMessage());
    assertTrue(line.getFormattedMessage().startsWith("GET /scim/v2/Users/{id} 200 "));
  }

  @Test
  void refusedRequestsAreLoggedWithTheRefusedTokenNameOrADash() {
    server.getRoot("/metrics", "Bearer " + TestServer.IDP_TOKEN);
    assertEquals("UNMATCHED 403 test-idp", summary(await(1).get(0)));

    server.getRoot("/metrics", null);
    assertEquals("UNMATCHED 401 -", summary(await(2).get(1)));
  }

  @Test
  void neitherTheTokenNorRawPathsNorQueryValuesAreLogged() {
    String id = server.createUser("grace");
    String secret = "s3cret-filter-value";
    server.get(
        "/Users?filter="
            + URLEncoder.encode("userName eq \"" + secret + "\"", StandardCharsets.UTF_8));
    server.get("/Users/" + id);
    server.getRoot("/no/such/" + id, "Bearer " + TestServer.ADMIN_TOKEN);

    for (ILoggingEvent line : await(4)) {
      String everything = line.getFormattedMessage() + " " + line.getKeyValuePairs();
      assertFalse(everything.contains(TestServer.ADMIN_TOKEN), everything);
      assertFalse(everything.contains(id), everything);
      assertFalse(everything.contains(secret), everything);
      assertTrue(LINE.matcher(line.getFormattedMessage()).matches(), everything);
    }
  }

  /** The lines logged so far, once there are {@code count} (and no more). */
  private List<ILoggingEvent> await(int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      List<ILoggingEvent> logged;
      synchronized (lines) { // ListAppender appends while holding its own lock
        logged = List.copyOf(lines.list);
      }
      if (logged.size() >= count || System.nanoTime() > deadline) {
        assertEquals(count, logged.size(), logged.toString());
        return logged;
      }
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String summary(ILoggingEvent line) {
    Map<String, Object> fields = fieldsWithoutDuration(line);
    return fields.get("route") + " " + fields.get("status") + " " + fields.get("token");
  }

  private static Map<String, Object> fieldsWithoutDuration(ILoggingEvent line) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (KeyValuePair pair : line.getKeyValuePairs()) {
      fields.put(pair.key, pair.value);
    }
    assertTrue(fields.remove("durationMs") instanceof Double, fields.toString());
    return fields;
  }
}
