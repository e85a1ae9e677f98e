package dev.switchboard.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.MutableClock;
import dev.switchboard.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Holds and cooldowns end by the clock: tested by moving an injected clock, not by waiting. */
class PhoneHoldTest {
  private static final String PHONE =
      "urn:switchboard:params:scim:schemas:extension:phone:1.0:User";
  private static final String DEACTIVATE =
      "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
          + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}";
  private static final String REACTIVATE =
      "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
          + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":true}}]}";

  @Test
  void heldNumbersComeBackWithinTheHoldAndAreReleasedAfterIt() {
    MutableClock clock = new MutableClock();
    try (TestServer server = TestServer.startAt(clock)) {
      server.post(
          "/Sites",
          "{\"name\":\"Lund\",\"extensionRanges\":[{\"from\":\"200\",\"to\":\"209\"}],"
              + "\"holdDays\":30,\"extensionCooldownDays\":2}");
      String ann = licensedUser(server, "ann");
      assertEquals("200", phone(server, ann).path("extensionNumber").asText());

      server.patch("/Users/" + ann, DEACTIVATE);
      clock.advance(Duration.ofDays(29));
      server.sweep();
      String bob = licensedUser(server, "bob");
      assertEquals("201", phone(server, bob).path("extensionNumber").asText(), "200 is held");
      server.patch("/Users/" + ann, REACTIVATE);
      assertEquals("200", phone(server, ann).path("extensionNumber").asText());
      assertEquals("assigned", phone(server, ann).path("licenseState").asText());

      server.patch("/Users/" + ann, DEACTIVATE);
      clock.advance(Duration.ofDays(31));
      server.sweep();
      assertFalse(phone(server, ann).has("extensionNumber"), "the hold ended");
      String cid = licensedUser(server, "cid");
      assertEquals("202", phone(server, cid).path("extensionNumber").asText(), "200 cools down");
      clock.advance(Duration.ofDays(3));
      server.sweep();
      String dan = licensedUser(server, "dan");
      assertEquals("200", phone(server, dan).path("extensionNumber").asText(), "cooled down");
    }
  }

  private static String licensedUser(TestServer server, String userName) {
    return server
        .post("/Users", "{\"userName\":\"" + userName + "\",\"" + PHONE + "\":{\"licensed\":true}}")
        .body()
        .get("id")
        .asText();
  }

  private static JsonNode phone(TestServer server, String id) {
    return server.get("/Users/" + id).body().path(PHONE);
  }
}
