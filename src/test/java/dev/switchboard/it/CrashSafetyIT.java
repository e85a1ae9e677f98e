package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * api.md "When effects are visible", under crashes: several clients create users, change their
 * licenses, add and remove them as members of licensed groups and delete them, while the real jar
 * is {@code kill -9}ed at random moments. After every crash the store must pass {@code check}, and
 * on restart every acknowledged write must be there, exactly, and the request in flight at the
 * crash must be wholly applied or not at all.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CrashSafetyIT {
  private static final ObjectMapper json = new ObjectMapper();
  private static final int CRASHES = 6;
  private static final int CLIENTS = 6;
  private static final int MIN_WRITES_PER_ROUND = 30;
  private static final long SEED = Long.getLong("crash.seed", System.nanoTime());

  private final String token = "admin-" + UUID.randomUUID();

  @TempDir Path dir;

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"SQLite", "PostgreSQL"})
  void acknowledgedWritesSurviveRepeatedKills(String engine) throws Exception {
    Random random = new Random(SEED);
    JarStore db =
        engine.equals("SQLite")
            ? JarStore.sqlite(dir.resolve("switchboard.db"))
            : JarStore.postgres();
    List<String> groups;
    JarProcess server = start(db);
    try {
      groups = licensedGroups(server);
    } catch (Exception | AssertionError e) {
      server.close();
      throw e;
    }
    List<CrashClient> clients = new ArrayList<>();
    for (int n = 0; n < CLIENTS; n++) {
      clients.add(new CrashClient("c" + n, token, groups, random.nextLong()));
    }
    long checkedWrites = 0;
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      for (int crash = 1; crash <= CRASHES; crash++) {
        List<Future<?>> running = new ArrayList<>();
        JarProcess live = server;
        for (CrashClient client : clients) {
          running.add(
              pool.submit(
                  () -> {
                    client.runUntilKilled(live);
                    return null;
                  }));
        }
        long started = System.nanoTime();
        awaitWrites(clients, MIN_WRITES_PER_ROUND);
        Thread.sleep(random.nextInt(1_000));
        server.kill();
        long killed = System.nanoTime();
        for (Future<?> client : running) {
          client.get(60, TimeUnit.SECONDS);
        }
        assertConsistent(db, "after crash " + crash + " (seed " + SEED + ")");
        System.out.printf(
            "crash %d: killed after %d ms, clients stopped %d ms later, %d writes so far%n",
            crash,
            (killed - started) / 1_000_000,
            (System.nanoTime() - killed) / 1_000_000,
            acknowledged(clients));

        server = start(db);
        Map<String, CrashClient.Expected> actual = actualUsers(server);
        for (CrashClient client : clients) {
          assertEquals(List.of(), client.unexpectedAnswers(), "answers that were not 2xx");
          assertEquals(
              List.of(), client.verify(actual), "after crash " + crash + " (seed " + SEED + ")");
        }
      }
      checkedWrites = acknowledged(clients);
    } finally {
      pool.shutdownNow();
      server.close();
    }
    assertTrue(
        checkedWrites >= CRASHES * CLIENTS,
        "too few writes were acknowledged to prove anything: " + checkedWrites);
    System.out.printf(
        "crash safety on %s: %d kill -9 survived, %d acknowledged writes checked (seed %d)%n",
        engine, CRASHES, checkedWrites, SEED);
  }

  private static long acknowledged(List<CrashClient> clients) {
    return clients.stream().mapToLong(CrashClient::acknowledged).sum();
  }

  /** Waits until the clients have {@code count} more writes acknowledged (at most 20 s). */
  private static void awaitWrites(List<CrashClient> clients, long count)
      throws InterruptedException {
    long target = acknowledged(clients) + count;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (acknowledged(clients) < target && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  private JarProcess start(JarStore db) {
    return JarProcess.start(db.db(), dir, db.envWith("SWITCHBOARD_ADMIN_TOKEN", token));
  }

  /** Two groups whose templates license their members, and a small premium pool to fight over. */
  private List<String> licensedGroups(JarProcess server) throws Exception {
    send(server, "PUT", "/scim/v2/SeatPools/contactCenter.premium", "{\"capacity\":15}", 200);
    send(
        server,
        "POST",
        "/scim/v2/Sites",
        "{\"name\":\"Main\",\"extensionRanges\":[{\"from\":\"2000\",\"to\":\"2999\"}]}",
        201);
    List<String> ids = new ArrayList<>();
    for (String[] group : new String[][] {{"Agents", "standard"}, {"Leads", "premium"}}) {
      String id =
          json.readTree(
                  send(
                      server,
                      "POST",
                      "/scim/v2/Groups",
                      "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\""
                          + group[0]
                          + "\"}",
                      201))
              .path("id")
              .asText();
      send(
          server,
          "POST",
          "/scim/v2/LicenseTemplates",
          "{\"name\":\""
              + group[0]
              + "\",\"group\":{\"value\":\""
              + id
              + "\"},\"contactCenter\":\""
              + group[1]
              + "\",\"phone\":true}",
          201);
      ids.add(id);
    }
    return ids;
  }

  /** Every user as the server holds it: id, direct license and the groups it is a member of. */
  private Map<String, CrashClient.Expected> actualUsers(JarProcess server) throws Exception {
    Map<String, Set<String>> groupsOf = new HashMap<>();
    JsonNode groups = json.readTree(send(server, "GET", "/scim/v2/Groups?count=1000", null, 200));
    for (JsonNode group : groups.path("Resources")) {
      String id = group.path("id").asText();
      JsonNode full = json.readTree(send(server, "GET", "/scim/v2/Groups/" + id, null, 200));
      full.path("members")
          .forEach(
              m ->
                  groupsOf.computeIfAbsent(m.path("value").asText(), k -> new HashSet<>()).add(id));
    }
    Map<String, CrashClient.Expected> users = new HashMap<>();
    for (int start = 1; ; start += 1000) {
      JsonNode page =
          json.readTree(
              send(server, "GET", "/scim/v2/Users?count=1000&startIndex=" + start, null, 200));
      for (JsonNode user : page.path("Resources")) {
        String id = user.path("id").asText();
        users.put(
            user.path("userName").asText(),
            new CrashClient.Expected(
                id,
                user.path(CrashClient.CC).path("license").asText("none"),
                Set.copyOf(groupsOf.getOrDefault(id, Set.of()))));
      }
      if (start + 1000 > page.path("totalResults").asInt()) {
        return users;
      }
    }
  }

  private void assertConsistent(JarStore db, String when) {
    JarProcess.CommandResult check = JarProcess.run(dir, db.env(), "check", "--db", db.db());
    assertEquals(0, check.exitCode(), "the store is inconsistent " + when + ":\n" + check);
    assertTrue(check.stdout().contains("consistent"), check.toString());
  }

  private String send(JarProcess server, String method, String path, String body, int status)
      throws Exception {
    HttpResponse<String> reply = server.send(method, path, token, body);
    assertEquals(status, reply.statusCode(), method + " " + path + ": " + reply.body());
    return reply.body();
  }
}
