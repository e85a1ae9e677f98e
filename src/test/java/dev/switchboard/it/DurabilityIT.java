package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * api.md "When effects are visible": when a 2xx returns, its effects are committed. A SIGKILL (no
 * shutdown hook, nothing flushed by us) must not lose any write the server acknowledged.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DurabilityIT {
  private static final ObjectMapper json = new ObjectMapper();
  private static final int THREADS = 8;
  private static final long WRITE_MILLIS = 3_000;
  private static final long KILL_AFTER_MILLIS = 1_500;

  private final String token = "admin-" + UUID.randomUUID();

  @TempDir Path dir;

  private JarProcess start() {
    return JarProcess.start(
        dir.resolve("switchboard.db"), Map.of("SWITCHBOARD_ADMIN_TOKEN", token));
  }

  @Test
  void acknowledgedWritesSurviveAKill() throws Exception {
    List<String> userIds = new ArrayList<>();
    String groupId;
    try (JarProcess server = start()) {
      for (int n = 0; n < 200; n++) {
        HttpResponse<String> created = server.send("POST", "/scim/v2/Users", token, user("u-" + n));
        assertEquals(201, created.statusCode(), "user u-" + n + ": " + created.body());
        userIds.add(json.readTree(created.body()).path("id").asText());
      }
      HttpResponse<String> group =
          server.send(
              "POST",
              "/scim/v2/Groups",
              token,
              "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"g\"}");
      assertEquals(201, group.statusCode(), group.body());
      groupId = json.readTree(group.body()).path("id").asText();
      for (String userId : userIds.subList(0, 50)) {
        HttpResponse<String> patched =
            server.send("PATCH", "/scim/v2/Groups/" + groupId, token, addMember(userId));
        assertEquals(204, patched.statusCode(), "add " + userId + ": " + patched.body());
      }
      server.kill();
    }

    try (JarProcess restarted = start()) {
      JsonNode users = getJson(restarted, "/scim/v2/Users?count=0");
      assertEquals(200, users.path("totalResults").asInt(), users.toString());

      JsonNode group = getJson(restarted, "/scim/v2/Groups/" + groupId);
      Set<String> members = new HashSet<>();
      group.path("members").forEach(member -> members.add(member.path("value").asText()));
      assertEquals(new HashSet<>(userIds.subList(0, 50)), members, group.toString());
    }
  }

  @Test
  void concurrentWritesDuringAKillLoseNothingAcknowledged() throws Exception {
    Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    Queue<String> unexpectedAnswers = new ConcurrentLinkedQueue<>();
    ExecutorService writers = Executors.newFixedThreadPool(THREADS);
    try (JarProcess server = start()) {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WRITE_MILLIS);
      List<Future<?>> running = new ArrayList<>();
      for (int thread = 0; thread < THREADS; thread++) {
        String prefix = "c-" + thread + "-";
        running.add(
            writers.submit(
                () -> postUntil(server, deadline, prefix, acknowledged, unexpectedAnswers)));
      }
      Thread.sleep(KILL_AFTER_MILLIS);
      server.kill();
      for (Future<?> writer : running) {
        writer.get(60, TimeUnit.SECONDS);
      }
    } finally {
      writers.shutdownNow();
    }
    assertTrue(
        unexpectedAnswers.isEmpty(),
        "the live server answered a valid POST with something other than 201: "
            + unexpectedAnswers);
    assertTrue(
        acknowledged.size() >= THREADS,
        "too few writes were acknowledged before the kill to prove anything: "
            + acknowledged.size());

    try (JarProcess restarted = start()) {
      List<String> lost = findMissing(restarted, List.copyOf(acknowledged));
      assertTrue(
          lost.isEmpty(),
          lost.size()
              + " of "
              + acknowledged.size()
              + " acknowledged users are gone after the kill, e.g. "
              + lost.subList(0, Math.min(10, lost.size())));
    }
  }

  /** One writer: POSTs new users until the deadline, recording each userName answered 201. */
  private Void postUntil(
      JarProcess server,
      long deadline,
      String prefix,
      Queue<String> acknowledged,
      Queue<String> unexpectedAnswers)
      throws InterruptedException {
    for (int n = 0; System.nanoTime() < deadline; n++) {
      String userName = prefix + n;
      try {
        HttpResponse<String> created = server.send("POST", "/scim/v2/Users", token, user(userName));
        if (created.statusCode() == 201) {
          acknowledged.add(userName);
        } else {
          unexpectedAnswers.add(userName + " → " + created.statusCode() + " " + created.body());
        }
      } catch (IOException killed) {
        Thread.sleep(20); // the server is gone (or going); this write was never acknowledged
      }
    }
    return null;
  }

  /** The userNames a filter on the restarted server does not find (checked in parallel). */
  private List<String> findMissing(JarProcess server, List<String> userNames) throws Exception {
    ExecutorService readers = Executors.newFixedThreadPool(THREADS);
    try {
      List<Callable<String>> lookups = new ArrayList<>();
      for (String userName : userNames) {
        lookups.add(
            () -> {
              String filter =
                  URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8)
                      .replace("+", "%20");
              JsonNode found = getJson(server, "/scim/v2/Users?filter=" + filter);
              return found.path("totalResults").asInt() == 1 ? null : userName;
            });
      }
      List<String> missing = new ArrayList<>();
      for (Future<String> lookup : readers.invokeAll(lookups, 60, TimeUnit.SECONDS)) {
        String userName = lookup.get();
        if (userName != null) {
          missing.add(userName);
        }
      }
      return missing;
    } finally {
      readers.shutdownNow();
    }
  }

  private JsonNode getJson(JarProcess server, String path) throws Exception {
    HttpResponse<String> response = server.send("GET", path, token, null);
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return json.readTree(response.body());
  }

  private static String user(String userName) {
    return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
        + userName
        + "\"}";
  }

  private static String addMember(String userId) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
        + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
        + userId
        + "\"}]}]}";
  }
}
