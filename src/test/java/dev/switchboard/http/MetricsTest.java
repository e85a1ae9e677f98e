package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.TestServer;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} through the real server: admin only, the Prometheus text format, requests by
 * route template (never a raw id), group commits, seats per pool and the JVM.
 */
class MetricsTest {
  private static final String CC =
      "urn:switchboard:params:scim:schemas:extension:contactcenter:1.0:User";
  private static final String ADMIN = "Bearer " + TestServer.ADMIN_TOKEN;

  private TestServer server;

  /** One sample line of the scrape: metric name, labels, value. */
  record Sample(String name, Map<String, String> labels, double value) {}

  @BeforeEach
  void start() {
    server = TestServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void metricsNeedTheAdminScope() {
    TestServer.Reply anonymous = server.getRoot("/metrics", null);
    assertEquals(401, anonymous.status());
    assertTrue(anonymous.header("WWW-Authenticate").startsWith("Bearer"));
    assertEquals(403, server.getRoot("/metrics", "Bearer " + TestServer.IDP_TOKEN).status());
    assertEquals(200, server.getRoot("/metrics", ADMIN).status());
  }

  @Test
  void scrapeIsPrometheusTextWithJvmMeters() {
    TestServer.Reply scrape = server.getRoot("/metrics", ADMIN);

    MediaType type = MediaType.valueOf(scrape.header("Content-Type"));
    assertTrue(type.isCompatible(MediaType.TEXT_PLAIN_TYPE), type.toString());
    assertEquals("0.0.4", type.getParameters().get("version"));
    List<Sample> samples = parse(scrape.raw().body());
    for (String jvm :
        List.of(
            "jvm_memory_used_bytes",
            "jvm_gc_memory_allocated_bytes_total",
            "jvm_threads_live_threads",
            "jvm_classes_loaded_classes",
            "system_cpu_count",
            "process_uptime_seconds")) {
      assertTrue(samples.stream().anyMatch(s -> s.name().equals(jvm)), jvm + " missing");
    }
    assertEquals(0.0, value(samples, "switchboard_rate_limited_requests_total", Map.of()));
  }

  @Test
  void requestsAreCountedByRouteTemplateMethodAndStatusNeverByRawPath() {
    String id = server.createUser("ada");
    server.get("/Users/" + id);
    server.get("/Users/" + id);
    server.get("/Users/4f2c0000-0000-0000-0000-00000000dead");
    server.getRoot("/scim/v2/Users/" + id, null);
    server.getRoot("/no/such/path/" + id, ADMIN);

    String count = "http_server_requests_seconds_count";
    String route = "/scim/v2/Users/{id}";
    String text = scrapeOnceCounted(count, Map.of("uri", RouteTemplate.UNMATCHED, "status", "404"));
    List<Sample> samples = parse(text);

    assertEquals(
        2.0, value(samples, count, Map.of("method", "GET", "uri", route, "status", "200")));
    assertEquals(
        1.0, value(samples, count, Map.of("method", "GET", "uri", route, "status", "404")));
    assertEquals(1.0, value(samples, count, Map.of("method", "POST", "uri", "/scim/v2/Users")));
    assertEquals(
        1.0, value(samples, count, Map.of("uri", RouteTemplate.UNMATCHED, "status", "401")));
    assertEquals(
        1.0, value(samples, count, Map.of("uri", RouteTemplate.UNMATCHED, "status", "404")));
    assertTrue(
        samples.stream()
            .anyMatch(
                s ->
                    s.name().equals("http_server_requests_seconds_bucket")
                        && route.equals(s.labels().get("uri"))),
        "a latency histogram per route");
    assertFalse(text.contains(id), "a raw id became a label");
    assertFalse(text.contains("dead"), "a raw id became a label");
  }

  @Test
  void writesRecordCommitLatencyAndBatchSize() {
    server.createUser("grace");

    List<Sample> samples = parse(server.getRoot("/metrics", ADMIN).raw().body());

    assertTrue(
        value(samples, "switchboard_store_commit_seconds_count", Map.of("outcome", "committed"))
            >= 1);
    assertTrue(value(samples, "switchboard_store_commit_seconds_sum", Map.of()) > 0);
    assertTrue(value(samples, "switchboard_store_commit_batch_size_count", Map.of()) >= 1);
    assertTrue(value(samples, "switchboard_store_commit_batch_size_sum", Map.of()) >= 1);
  }

  @Test
  void seatGaugesFollowLicensedAndWaitingUsers() {
    assertEquals(0.0, seats("in_use", "contactCenter.standard"));
    assertEquals(Double.POSITIVE_INFINITY, seats("capacity", "contactCenter.standard"));

    createLicensed("lin", "standard");
    assertEquals(1.0, seats("in_use", "contactCenter.standard"));
    assertEquals(0.0, seats("in_use", "contactCenter.premium"));

    TestServer.Reply capped =
        server.patch(
            "/SeatPools/contactCenter.standard",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"capacity\",\"value\":1}]}");
    assertEquals(2, capped.status() / 100, capped.raw().body());
    createLicensed("mo", "standard");
    assertEquals(1.0, seats("capacity", "contactCenter.standard"));
    assertEquals(1.0, seats("in_use", "contactCenter.standard"));
    assertEquals(1.0, seats("pending", "contactCenter.standard"));
    assertEquals(0.0, seats("pending", "phone.licensed"));
  }

  /**
   * A scrape in which the sample {@code name}{@code labels} exists: a request is counted once its
   * response is written, a moment after the client may have read it.
   */
  private String scrapeOnceCounted(String name, Map<String, String> labels) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      String text = server.getRoot("/metrics", ADMIN).raw().body();
      boolean counted =
          parse(text).stream()
              .anyMatch(
                  s ->
                      s.name().equals(name)
                          && s.labels().entrySet().containsAll(labels.entrySet()));
      if (counted || System.nanoTime() > deadline) {
        return text;
      }
    }
  }

  private void createLicensed(String userName, String license) {
    TestServer.Reply created =
        server.post(
            "/Users",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                + userName
                + "\",\""
                + CC
                + "\":{\"license\":\""
                + license
                + "\"}}");
    assertEquals(201, created.status(), created.raw().body());
  }

  private double seats(String gauge, String pool) {
    List<Sample> samples = parse(server.getRoot("/metrics", ADMIN).raw().body());
    return value(samples, "switchboard_seats_" + gauge, Map.of("pool", pool));
  }

  /** The sum over the samples of {@code name} whose labels include {@code labels}. */
  private static double value(List<Sample> samples, String name, Map<String, String> labels) {
    List<Sample> matching =
        samples.stream()
            .filter(s -> s.name().equals(name))
            .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
            .toList();
    assertFalse(
        matching.isEmpty(),
        () ->
            "no "
                + name
                + labels
                + " among "
                + samples.stream().filter(s -> s.name().equals(name)).map(Sample::labels).toList());
    return matching.stream().mapToDouble(Sample::value).sum();
  }

  private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][\\w:]*)(\\{(.*)})? (\\S+)");
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private static double number(String value) {
    return switch (value) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(value);
    };
  }

  private static List<Sample> parse(String scrape) {
    assertNotNull(scrape);
    List<Sample> samples = new ArrayList<>();
    for (String line : scrape.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher sample = LINE.matcher(line);
      assertTrue(sample.matches(), "not a sample line: " + line);
      Map<String, String> labels = new LinkedHashMap<>();
      if (sample.group(3) != null) {
        Matcher label = LABEL.matcher(sample.group(3));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.add(new Sample(sample.group(1), labels, number(sample.group(4))));
    }
    return samples;
  }
}
