package dev.switchboard.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.PatchBodies;
import dev.switchboard.scim.ScimUrns;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client of the crash test: creates its own users, changes their direct license, adds them to
 * and removes them from shared groups, and deletes them — recording the state each acknowledged
 * (2xx) request left. Only this client touches its users, so after a crash each user must be
 * exactly as recorded, except the one request in flight when the server died, which may or may not
 * have been applied (never half). Used by one thread at a time.
 */
final class CrashClient {
  private static final ObjectMapper json = new ObjectMapper();
  static final String CC = ScimUrns.CONTACT_CENTER_USER;
  private static final String[] LICENSES = {"none", "standard", "premium"};

  /** What the store must hold for one user of this client. */
  record Expected(String id, String license, Set<String> groups) {
    Expected with(String newLicense, Set<String> newGroups) {
      return new Expected(id, newLicense, Set.copyOf(newGroups));
    }
  }

  /** The request that was under way when the server died: its outcome is unknown. */
  record InFlight(String userName, Expected before, Expected after) {}

  private final String name;
  private final String token;
  private final List<String> groupIds;
  private final Random random;
  private final Map<String, Expected> users = new LinkedHashMap<>();
  private final List<String> unexpectedAnswers = new ArrayList<>();
  private InFlight inFlight;
  private int created;
  private final AtomicLong acknowledged = new AtomicLong();

  CrashClient(String name, String token, List<String> groupIds, long seed) {
    this.name = name;
    this.token = token;
    this.groupIds = List.copyOf(groupIds);
    this.random = new Random(seed);
  }

  /** Sends random requests until the server goes away (the kill). */
  void runUntilKilled(JarProcess server) throws InterruptedException {
    inFlight = null;
    while (true) {
      try {
        step(server);
      } catch (IOException serverGone) {
        return;
      }
    }
  }

  private void step(JarProcess server) throws IOException, InterruptedException {
    List<String> live =
        users.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).toList();
    int choice = live.isEmpty() ? 0 : random.nextInt(10);
    if (choice < 3) {
      String userName = name + "-u" + created++;
      String license = LICENSES[random.nextInt(LICENSES.length)];
      inFlight = new InFlight(userName, null, new Expected(null, license, Set.of()));
      HttpResponse<String> reply =
          server.send(
              "POST",
              "/scim/v2/Users",
              token,
              "{\"userName\":\""
                  + userName
                  + "\",\""
                  + CC
                  + "\":{\"license\":\""
                  + license
                  + "\"}}");
      if (expect(reply, 201, "create " + userName)) {
        String id = json.readTree(reply.body()).path("id").asText();
        acknowledge(userName, new Expected(id, license, Set.of()));
      }
      return;
    }
    String userName = live.get(random.nextInt(live.size()));
    Expected before = users.get(userName);
    if (choice < 5) {
      String license = LICENSES[random.nextInt(LICENSES.length)];
      Expected after = before.with(license, before.groups());
      send(
          server,
          "PATCH",
          "/scim/v2/Users/" + before.id(),
          PatchBodies.replace(CC + ":license", "\"" + license + "\""),
          userName,
          before,
          after);
    } else if (choice < 8) {
      String group = groupIds.get(random.nextInt(groupIds.size()));
      Set<String> groups = new HashSet<>(before.groups());
      boolean add = groups.add(group);
      if (!add) {
        groups.remove(group);
      }
      send(
          server,
          "PATCH",
          "/scim/v2/Groups/" + group,
          add ? PatchBodies.addMember(before.id()) : PatchBodies.removeMember(before.id()),
          userName,
          before,
          before.with(before.license(), groups));
    } else {
      send(server, "DELETE", "/scim/v2/Users/" + before.id(), null, userName, before, null);
    }
  }

  private void send(
      JarProcess server,
      String method,
      String path,
      String body,
      String userName,
      Expected before,
      Expected after)
      throws IOException, InterruptedException {
    inFlight = new InFlight(userName, before, after);
    HttpResponse<String> reply = server.send(method, path, token, body);
    if (expect(reply, 204, method + " " + path + " for " + userName)) {
      acknowledge(userName, after);
    }
  }

  private boolean expect(HttpResponse<String> reply, int status, String what) {
    boolean ok = reply.statusCode() / 100 == 2;
    if (!ok) {
      unexpectedAnswers.add(what + " → " + reply.statusCode() + " " + reply.body());
      inFlight = null; // refused: it changed nothing, and the checks below prove that too
    }
    return ok;
  }

  private void acknowledge(String userName, Expected after) {
    users.put(userName, after);
    inFlight = null;
    acknowledged.incrementAndGet();
  }

  /**
   * Compares this client's users with the restarted server's {@code actual} state (userName → what
   * the server holds, absent = no such user); returns what differs. The request in flight may have
   * gone either way: the model takes whichever the server shows, if it is one of the two.
   */
  List<String> verify(Map<String, Expected> actual) {
    List<String> wrong = new ArrayList<>();
    if (inFlight != null) {
      Expected found = actual.get(inFlight.userName());
      if (same(found, inFlight.after())) {
        users.put(inFlight.userName(), found);
      } else if (!same(found, inFlight.before())) {
        wrong.add(
            inFlight.userName()
                + " is "
                + found
                + ": half of the unacknowledged request "
                + inFlight
                + " was applied");
      }
      inFlight = null;
    }
    for (Map.Entry<String, Expected> user : users.entrySet()) {
      Expected found = actual.get(user.getKey());
      if (!same(found, user.getValue())) {
        wrong.add(user.getKey() + " should be " + user.getValue() + " but is " + found);
      }
    }
    return wrong;
  }

  /** Equal, ignoring the id of an expectation made before the server gave one. */
  private static boolean same(Expected found, Expected expected) {
    if (found == null || expected == null) {
      return found == expected;
    }
    return (expected.id() == null || expected.id().equals(found.id()))
        && Objects.equals(found.license(), expected.license())
        && found.groups().equals(expected.groups());
  }

  /** Writes acknowledged so far; read by the test's thread while this client runs. */
  long acknowledged() {
    return acknowledged.get();
  }

  List<String> unexpectedAnswers() {
    return unexpectedAnswers;
  }
}
