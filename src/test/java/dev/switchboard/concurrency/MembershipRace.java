package dev.switchboard.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.PatchBodies;
import dev.switchboard.ScimClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parallel member adds and removes on one group lose no update (RFC 7644 §3.5.2 PATCH). */
public final class MembershipRace {
  private static final int CLIENTS = 8;
  private static final int USERS_EACH = 20;

  private MembershipRace() {}

  public static void parallelAddsAndRemovesOnOneGroupKeepEveryAcknowledgedChange(RaceTarget target)
      throws Exception {
    ScimClient admin = target.client(0);
    String group = admin.createGroup("Busy");
    admin.post(
        "/LicenseTemplates",
        "{\"name\":\"busy\",\"group\":{\"value\":\""
            + group
            + "\"},\"contactCenter\":\"standard\"}");
    List<List<String>> usersOf = new ArrayList<>();
    for (int client = 0; client < CLIENTS; client++) {
      List<String> users = new ArrayList<>();
      for (int n = 0; n < USERS_EACH; n++) {
        users.add(target.client(client).createUser("m" + client + "-" + n));
      }
      usersOf.add(users);
    }

    List<Set<String>> kept =
        Race.times(
            CLIENTS,
            client -> {
              ScimClient server = target.client(client);
              Set<String> members = new HashSet<>();
              for (String user : usersOf.get(client)) {
                assertEquals(
                    204, server.patch("/Groups/" + group, PatchBodies.addMember(user)).status());
                members.add(user);
              }
              for (String user : usersOf.get(client).subList(0, USERS_EACH / 4)) {
                assertEquals(
                    204, server.patch("/Groups/" + group, PatchBodies.removeMember(user)).status());
                members.remove(user);
              }
              return members;
            });

    Set<String> expected = new HashSet<>();
    kept.forEach(expected::addAll);
    Set<String> actual = new HashSet<>();
    admin
        .get("/Groups/" + group)
        .body()
        .path("members")
        .forEach(member -> actual.add(member.path("value").asText()));
    assertEquals(expected, actual);
    assertEquals(
        expected.size(),
        admin.get("/SeatPools/contactCenter.standard").body().path("inUse").asInt(),
        "one standard seat per member the group kept");
  }
}
