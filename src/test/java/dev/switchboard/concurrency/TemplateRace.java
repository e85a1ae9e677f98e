package dev.switchboard.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.PatchBodies;
import dev.switchboard.ScimClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * An admin changing a group's template while the IdP changes its membership: whichever commits
 * last, every member ends licensed by the template as it stands and every non-member by nothing
 * (the checker, run after the race, re-resolves every user).
 */
public final class TemplateRace {
  private static final String[] TIERS = {"standard", "premium", "none"};
  private static final int MEMBER_CLIENTS = 4;
  private static final int USERS_EACH = 10;

  private TemplateRace() {}

  /** Client 0 is the admin; clients 1 to {@value #MEMBER_CLIENTS} change the membership. */
  public static void templateChangesRacingMembershipChangesEndResolved(RaceTarget target)
      throws Exception {
    ScimClient admin = target.client(0);
    admin.put("/SeatPools/contactCenter.premium", "{\"capacity\": 12}");
    String group = admin.createGroup("Racing");
    String template =
        admin
            .post(
                "/LicenseTemplates",
                "{\"name\":\"racing\",\"group\":{\"value\":\""
                    + group
                    + "\"},\"contactCenter\":\"standard\",\"phone\":true}")
            .body()
            .path("id")
            .asText();
    List<List<String>> usersOf = new ArrayList<>();
    for (int client = 1; client <= MEMBER_CLIENTS; client++) {
      List<String> users = new ArrayList<>();
      for (int n = 0; n < USERS_EACH; n++) {
        users.add(target.client(client).createUser("tpl-" + client + "-" + n));
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
                admin
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
    for (int client = 1; client <= MEMBER_CLIENTS; client++) {
      ScimClient server = target.client(client);
      List<String> users = usersOf.get(client - 1);
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

    JsonNode members = admin.get("/Groups/" + group).body().path("members");
    for (JsonNode member : members) {
      JsonNode user = admin.get("/Users/" + member.path("value").asText()).body();
      assertEquals(
          finalTier, user.path(Wire.CC).path("effectiveLicense").asText(), user.toString());
    }
  }
}
