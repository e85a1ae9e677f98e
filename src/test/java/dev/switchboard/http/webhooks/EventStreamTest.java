package dev.switchboard.http.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The event stream and the /Webhooks resource through HTTP: which changes write events (and that
 * rolled-back ones write none), the deprovisioning event, the replay after an id, and what
 * /Webhooks accepts, hides and logs.
 */
class EventStreamTest {
  private static final String LEADS =
      "{\"name\":\"Leads\",\"group\":{\"display\":\"Sales Leads\"},\"contactCenter\":\"premium\"}";

  @Test
  void aDryRunWritesNoEventAndTheRealWriteOnePerChangedMember() {
    try (TestServer server = TestServer.start()) {
      List<String> members = new ArrayList<>();
      StringBuilder memberList = new StringBuilder();
      for (int i = 0; i < 3; i++) {
        String id = server.createUser("lead" + i);
        members.add(id);
        memberList.append(i == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
      }
      server.post("/Groups", "{\"displayName\":\"Sales Leads\",\"members\":[" + memberList + "]}");
      long before = Webhooks.eventCount(server);

      assertEquals(200, server.post("/LicenseTemplates?dryRun=true", LEADS).status());
      assertEquals(before, Webhooks.eventCount(server), "a rehearsal rolls its events back");

      assertEquals(201, server.post("/LicenseTemplates", LEADS).status());
      // Ids are dense from 1, so the count before is the id the new events follow.
      JsonNode replay = server.getRoot("/admin/events?since=" + before, Webhooks.admin()).body();
      long premium = 0;
      for (JsonNode event : replay.get("Resources")) {
        if (event.get("product").asText().equals("contactCenter")) {
          assertEquals("premium (assigned)", event.get("after").asText());
          assertTrue(members.contains(event.get("user").get("id").asText()));
          premium++;
        }
      }
      assertEquals(3, premium);
    }
  }

  @Test
  void aFailedRequestWritesNoEvent() {
    try (TestServer server = TestServer.start()) {
      String erin = server.createUser("erin");
      long before = Webhooks.eventCount(server);
      TestServer.Reply refused =
          server.patch(
              "/Users/" + erin,
              "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                  + "[{\"op\":\"replace\",\"path\":\""
                  + dev.switchboard.scim.ScimUrns.CONTACT_CENTER_USER
                  + ":license\",\"value\":\"gold\"}]}");
      assertEquals(400, refused.status());
      assertEquals(before, Webhooks.eventCount(server));
    }
  }

  @Test
  void deletingAUserEndsItsStreamWithDeprovisioned() {
    try (TestServer server = TestServer.start()) {
      String frank = server.createUser("frank");
      Webhooks.license(server, frank, "standard");
      long since = Webhooks.lastEventId(server);
      assertEquals(204, server.send("DELETE", "/Users/" + frank, null).status());

      JsonNode events =
          server.getRoot("/admin/events?since=" + since, Webhooks.admin()).body().get("Resources");
      JsonNode released = events.get(0);
      assertEquals("user.contactCenter.changed", released.get("type").asText());
      assertEquals("standard (assigned)", released.get("before").asText());
      assertEquals("none", released.get("after").asText());
      assertEquals("deleted", released.get("reason").asText());
      JsonNode last = events.get(events.size() - 1);
      assertEquals("user.deprovisioned", last.get("type").asText());
      assertEquals(frank, last.get("user").get("id").asText());
      assertEquals("frank", last.get("user").get("userName").asText());
      assertEquals("active", last.get("before").asText());
      assertEquals("deleted", last.get("after").asText());
    }
  }

  @Test
  void theReplayPagesThroughEveryPayloadAfterAnId() {
    try (TestServer server = TestServer.start()) {
      for (String name : List.of("g1", "g2", "g3")) {
        Webhooks.license(server, server.createUser(name), "standard");
      }
      long total = Webhooks.eventCount(server);
      assertTrue(total >= 6, "a license and an agentId each: " + total);

      List<Long> ids = new ArrayList<>();
      long since = 0;
      while (true) {
        JsonNode page =
            server.getRoot("/admin/events?since=" + since + "&count=2", Webhooks.admin()).body();
        assertEquals(total - ids.size(), page.get("totalResults").asLong());
        JsonNode events = page.get("Resources");
        if (events == null || events.isEmpty()) {
          break;
        }
        assertTrue(events.size() <= 2);
        for (JsonNode event : events) {
          ids.add(event.get("id").asLong());
          since = event.get("id").asLong();
        }
      }
      assertEquals(total, ids.size());
      assertEquals(ids.stream().sorted().distinct().toList(), ids, "unique, in order");

      assertEquals(400, server.getRoot("/admin/events?since=yesterday", Webhooks.admin()).status());
      assertEquals(
          403, server.getRoot("/admin/events?since=0", "Bearer " + TestServer.IDP_TOKEN).status());
    }
  }

  @Test
  void webhooksTakeHttpsOrLoopbackUrlsAndKnownEventTypesAndNeverShowTheSecret() {
    try (TestServer server = TestServer.start()) {
      String secret = "\"secret\":\"" + Webhooks.SECRET + "\"";
      assertEquals(
          400,
          server.post("/Webhooks", "{\"url\":\"http://example.com/x\"," + secret + "}").status());
      assertEquals(
          400, server.post("/Webhooks", "{\"url\":\"ftp://127.0.0.1/x\"," + secret + "}").status());
      assertEquals(
          400, server.post("/Webhooks", "{\"url\":\"https://example.com/x\"}").status(), "secret");
      assertEquals(
          400,
          server
              .post(
                  "/Webhooks",
                  "{\"url\":\"https://example.com/x\",\"events\":[\"user.created\"],"
                      + secret
                      + "}")
              .status());

      TestServer.Reply created =
          server.post(
              "/Webhooks",
              "{\"url\":\"https://platform.example.com/hook\",\"events\":[\"user.phone.changed\"],"
                  + secret
                  + "}");
      assertEquals(201, created.status(), created.raw().body());
      JsonNode hook = created.body();
      assertFalse(created.raw().body().contains(Webhooks.SECRET));
      assertTrue(hook.get("active").asBoolean());
      assertEquals("ok", hook.get("state").asText());
      assertEquals(
          "urn:switchboard:params:scim:schemas:core:1.0:Webhook",
          hook.get("schemas").get(0).asText());
      String id = hook.get("id").asText();
      assertEquals(
          201,
          server.post("/Webhooks", "{\"url\":\"http://[::1]:9/hook\"," + secret + "}").status());

      assertEquals(
          1,
          server
              .get("/Webhooks?filter=url%20eq%20%22https://platform.example.com/hook%22")
              .body()
              .get("totalResults")
              .asInt());
      assertFalse(server.get("/Webhooks").raw().body().contains(Webhooks.SECRET));
      String changes =
          server.getRoot("/admin/config-changes?type=Webhook", Webhooks.admin()).raw().body();
      assertTrue(changes.contains(id), changes);
      assertFalse(changes.contains(Webhooks.SECRET), "the change log holds no secret");
      assertEquals(
          200,
          server
              .getRoot(
                  "/scim/v2/Schemas/urn:switchboard:params:scim:schemas:core:1.0:Webhook",
                  Webhooks.admin())
              .status());
      assertEquals(204, server.send("DELETE", "/Webhooks/" + id, null).status());
    }
  }
}
