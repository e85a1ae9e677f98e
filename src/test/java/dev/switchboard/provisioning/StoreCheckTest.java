package dev.switchboard.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.PatchBodies;
import dev.switchboard.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The invariant checker passes on a store built through the API — seats, a waiting user, phone
 * numbers, a group template — and names each kind of damage done to it behind the server's back.
 */
class StoreCheckTest {
  private static final String CC =
      "urn:switchboard:params:scim:schemas:extension:contactcenter:1.0:User";
  private static final String PHONE =
      "urn:switchboard:params:scim:schemas:extension:phone:1.0:User";

  /** A store with every kind of holding: seats, a pending user, extensions, a direct number. */
  private static TestServer populated() {
    TestServer server = TestServer.start();
    server.post(
        "/Sites",
        "{\"name\":\"Stockholm\",\"extensionRanges\":[{\"from\":\"4100\",\"to\":\"4199\"}]}");
    server.post("/CallingPackages", "{\"name\":\"national\",\"rank\":20}");
    server.post("/PhoneNumbers", "{\"number\":\"+4687001234\"}");
    server.put("/SeatPools/contactCenter.premium", "{\"capacity\": 1}");
    server.post("/Users", user("first", "premium"));
    server.post("/Users", user("second", "premium"));
    server.post("/Users", user("plain", "none"));
    server.post(
        "/Users",
        "{\"userName\":\"caller\",\""
            + PHONE
            + "\":{\"licensed\":true,\"callingPackage\":\"national\","
            + "\"directNumbers\":[\"+4687001234\"]}}");
    String agents = server.createGroup("Agents");
    server.post(
        "/LicenseTemplates",
        "{\"name\":\"agents\",\"group\":{\"value\":\""
            + agents
            + "\"},\"contactCenter\":\"standard\",\"phone\":true}");
    server.patch("/Groups/" + agents, PatchBodies.addMember(server.createUser("member")));
    return server;
  }

  private static String user(String userName, String license) {
    return "{\"userName\":\"" + userName + "\",\"" + CC + "\":{\"license\":\"" + license + "\"}}";
  }

  @Test
  void aStoreBuiltThroughTheApiIsConsistent() {
    try (TestServer server = populated()) {
      assertEquals(
          "pending",
          server
              .get("/Users?filter=userName%20eq%20%22second%22")
              .body()
              .at("/Resources/0/" + CC.replace("/", "~1") + "/licenseState")
              .asText(),
          "the store under check has a waiting user");
      StoreCheck.Report report = new StoreCheck(server.database()).run();
      assertEquals(List.of(), report.problems());
      assertEquals(5, report.users());
      assertEquals(1, report.groups());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a seat count off by one | UPDATE seat_pools SET in_use = in_use + 1 WHERE id ="
            + " 'contactCenter.standard' | counts 2 seats in use, 1 users hold one",
        "an effective license nothing demands | UPDATE users SET cc_effective = 'standard' WHERE"
            + " user_name = 'plain' | plain: contact center is standard, its demands resolve to none",
        "a seat freed without serving the queue | UPDATE seat_pools SET capacity = NULL WHERE id ="
            + " 'contactCenter.premium' | second: contact center waits for a premium seat while"
            + " one is free",
        "a phone license without its seat | UPDATE users SET phone_seat = FALSE WHERE user_name ="
            + " 'caller' | caller: phone state is assigned, expected pending",
        "an extension row lost | DELETE FROM extensions WHERE user_id = (SELECT id FROM users WHERE"
            + " user_name = 'member') | but the extension is not reserved for them",
        "a direct number assigned to nobody | UPDATE phone_numbers SET user_id = 'ghost' |"
            + " direct number +4687001234 is assigned for missing user ghost",
        "a user at a site that is gone | UPDATE users SET phone_site = 'gone' WHERE user_name ="
            + " 'plain' | at site gone, which does not exist",
        "creation counts out of step | UPDATE creation_counts SET live = live + 1 WHERE table_name"
            + " = 'users' AND span = 1000 AND bucket = (SELECT MIN(bucket) FROM creation_counts WHERE"
            + " table_name = 'users' AND span = 1000) | users: creation counts per 1000 ms say 6, the table has 5",
        "a waiting user without a place in the queue | UPDATE users SET cc_pending_since = NULL"
            + " WHERE user_name = 'second' | waits but has no pendingSince",
      })
  void namesTheDamage(String damage, String sql, String expected) {
    TestServer server = populated();
    try {
      server.database().write(handle -> handle.execute(sql));
      List<String> problems = new StoreCheck(server.database()).run().problems();
      assertTrue(
          problems.stream().anyMatch(problem -> problem.contains(expected)),
          damage + ": expected a problem containing '" + expected + "', got " + problems);
    } finally {
      server.closeUnchecked();
    }
  }
}
