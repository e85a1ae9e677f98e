package dev.switchboard.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.PatchBodies;
import dev.switchboard.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * An admin changing a group's template while the IdP changes its membership: whichever commits
 * last, every member ends licensed by the template as it stands and every non-member by nothing
 * (the checker, when the server closes, re-resolves every user).
 */
class TemplateRaceTest {
  private static final String[] TIERS = {"standard", "premium", "none"};
  private static final int MEMBER_CLIENTS = 4;
  private static final int USERS_EACH = 10;

  @Test
  void templateChangesRacingMembershipChangesEndResolved() throws Exception {
    try (TestServer server = TestServer.start()) {
      server.put("/SeatPools/contactCenter.premium", "{\"capacity\": 12}");
      String group = server.createGroup("Racing");
      String template =
          server
              .post(
                  "/LicenseTemplates",
                  "{\"name\":\"racing\",\"group\":{\"value\":\""
                      + group
                      + "\"},\"contactCenter\":\"standard\",\"phone\":true}")
              .body()
              .path("id")
              .asText();
      List<List<String>> usersOf = new ArrayList<>();
      for (int client = 0; client < MEMBER_CLIENTS; client++) {
        List<String> users = new ArrayList<>();
        for (int n = 0; n < USERS_EACH; n++) {
          users.add(server.createUser("tpl-" + client + "-" + n));
        }
        usersOf.add(users);
      }

      List<Callable<String>> clients = new ArrayList<>();
      clients.add(
          () -> {
            String tier = "standard";
            for (int change = 0; change < 11; change++) { // ends on premium, past a full pool
              tier = TIERS[change % TIERS.length];
              assertEquals(
                  200,
                  server
                      .put(
                          "/LicenseTemplates/" + template,
                          "{\"name\":\"racing\",\"group\":{\"value\":\""
                              + group
                              + "\"},\"contactCenter\":\""
                              + tier
                              + "\",\"phone\":"
                              + (change % 2 == 0)
                              + "}")
                      .status());
            }
            return tier;
          });
      for (int client = 0; client < MEMBER_CLIENTS; client++) {
        List<String> users = usersOf.get(client);
        Random random = new Random(client);
        clients.add(
            () -> {
              for (int change = 0; change < 20; change++) {
                String user = users.get(random.nextInt(users.size()));
                String body =
                    random.nextBoolean()
                        ? PatchBodies.addMember(user)
                        : PatchBodies.removeMember(user);
                assertEquals(204, server.patch("/Groups/" + group, body).status());
              }
              return null;
            });
      }
      String finalTier = Race.run(clients).get(0);

      JsonNode members = server.get("/Groups/" + group).body().path("members");
      for (JsonNode member : members) {
        JsonNode user = server.get("/Users/" + member.path("value").asText()).body();
        assertEquals(
            finalTier, user.path(Wire.CC).path("effectiveLicense").asText(), user.toString());
      }
    }
  }
}
