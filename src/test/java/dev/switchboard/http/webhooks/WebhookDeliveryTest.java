package dev.switchboard.http.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.MutableClock;
import dev.switchboard.TestServer;
import dev.switchboard.http.ServerConfig;
import dev.switchboard.provisioning.DeliverySchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Webhook delivery through real HTTP to a real local receiver: signed payloads, each user's events
 * in order, retries with backoff after failures, delivery after a restart mid-retry, and a pause
 * after a day of failures. The worker polls hourly here; each test sends with {@code
 * deliverWebhooks()} and moves a {@link MutableClock} past the backoff.
 */
class WebhookDeliveryTest {
  private static final ServerConfig CONFIG =
      ServerConfig.loopback(0)
          .withWebhookDelivery(DeliverySchedule.DEFAULT.withPollInterval(Duration.ofHours(1)));

  private final MutableClock clock = new MutableClock();

  private TestServer start(Path db) {
    return TestServer.startOn(db, clock, CONFIG);
  }

  private static Path freshDb() throws Exception {
    return Files.createTempDirectory("switchboard-webhooks").resolve("switchboard.db");
  }

  @Test
  void eachDeliveryIsSignedWithTheSecretAndCarriesItsEventId() throws Exception {
    try (Receiver receiver = new Receiver();
        TestServer server = start(freshDb())) {
      Webhooks.register(server, receiver.url(), "[]");
      String alice = server.createUser("alice");
      Webhooks.license(server, alice, "premium");

      server.deliverWebhooks();

      List<Receiver.Delivery> received = receiver.received();
      assertFalse(received.isEmpty());
      for (Receiver.Delivery delivery : received) {
        assertTrue(Webhooks.verifies(delivery.signature(), delivery.body(), Webhooks.SECRET));
        assertFalse(
            Webhooks.verifies(delivery.signature(), delivery.body() + " ", Webhooks.SECRET),
            "a changed body fails the check");
        assertFalse(Webhooks.verifies(delivery.signature(), delivery.body(), "another-secret-1"));
        assertEquals(delivery.eventId(), delivery.event().get("id").asText());
      }
      JsonNode premium = received.get(0).event();
      assertEquals("user.contactCenter.changed", premium.get("type").asText());
      assertEquals(alice, premium.get("user").get("id").asText());
      assertEquals("alice", premium.get("user").get("userName").asText());
      assertEquals("none", premium.get("before").asText());
      assertEquals("premium (assigned)", premium.get("after").asText());
      assertEquals("test-admin", premium.get("actor").asText());
      assertEquals(clock.instant().toString(), premium.get("time").asText());
    }
  }

  @Test
  void eachUsersEventsArriveInOrderWithUniqueIds() throws Exception {
    try (Receiver receiver = new Receiver();
        TestServer server = start(freshDb())) {
      Webhooks.register(server, receiver.url(), "[\"user.contactCenter.changed\"]");
      List<String> users =
          List.of(server.createUser("u1"), server.createUser("u2"), server.createUser("u3"));
      for (String tier : List.of("standard", "premium", "none", "standard")) {
        for (String user : users) {
          Webhooks.license(server, user, tier);
        }
      }

      server.deliverWebhooks();

      Set<Long> ids = new HashSet<>();
      long previous = 0;
      Map<String, String> lastAfter = new HashMap<>();
      Map<String, Integer> licenseEvents = new HashMap<>();
      for (JsonNode event : receiver.events()) {
        long id = event.get("id").asLong();
        assertTrue(ids.add(id), "ids are unique");
        assertTrue(id > previous, "ids rise in delivery order");
        previous = id;
        assertEquals("user.contactCenter.changed", event.get("type").asText(), "the filter");
        if (!event.get("product").asText().equals("contactCenter")) {
          continue; // agentId
        }
        String user = event.get("user").get("id").asText();
        String before = event.get("before").asText();
        assertEquals(lastAfter.getOrDefault(user, "none"), before, "each change follows the last");
        lastAfter.put(user, event.get("after").asText());
        licenseEvents.merge(user, 1, Integer::sum);
      }
      for (String user : users) {
        assertEquals(4, licenseEvents.get(user));
        assertEquals("standard (assigned)", lastAfter.get(user));
      }
    }
  }

  @Test
  void aFailingEndpointIsRetriedWithBackoffUntilItTakesTheEvent() throws Exception {
    try (Receiver receiver = new Receiver();
        TestServer server = start(freshDb())) {
      String hook = Webhooks.register(server, receiver.url(), "[\"user.contactCenter.changed\"]");
      receiver.answer(500, 500);
      String bob = server.createUser("bob");
      server.post(
          "/CallingPackages", "{\"name\":\"unused\",\"rank\":1}"); // no event: configuration
      Webhooks.license(server, bob, "standard");

      server.deliverWebhooks();
      JsonNode failing = server.get("/Webhooks/" + hook).body();
      assertEquals("failing", failing.get("state").asText());
      assertTrue(failing.get("lastError").asText().contains("HTTP 500"), failing.toString());
      assertFalse(failing.has("secret"), "the secret is never returned");

      server.deliverWebhooks();
      assertEquals(1, receiver.received().size(), "nothing is sent before the backoff is over");

      clock.advance(Duration.ofSeconds(5));
      server.deliverWebhooks();
      assertEquals(2, receiver.received().size());
      server.deliverWebhooks();
      assertEquals(2, receiver.received().size(), "the second wait is longer (10 s)");

      clock.advance(Duration.ofSeconds(10));
      server.deliverWebhooks();
      List<JsonNode> events = receiver.events();
      assertEquals(events.get(0).get("id"), events.get(2).get("id"), "the same event, again");
      JsonNode ok = server.get("/Webhooks/" + hook).body();
      assertEquals("ok", ok.get("state").asText());
      assertFalse(ok.has("lastError"));
      assertEquals(0, ok.get("pending").asLong());
      assertEquals(Webhooks.lastEventId(server), ok.get("deliveredThrough").asLong());

      String metrics = server.getRoot("/metrics", Webhooks.admin()).raw().body();
      assertTrue(metrics.contains("switchboard_webhook_attempts_failed_total 2.0"), metrics);
      assertTrue(
          metrics.contains("switchboard_webhook_state{state=\"ok\",webhook=\"" + hook + "\"} 1.0"),
          metrics);
      assertTrue(
          metrics.contains("switchboard_webhook_events_pending{webhook=\"" + hook + "\"} 0.0"),
          metrics);
    }
  }

  @Test
  void anEventFailingWhenTheServerStopsIsDeliveredAfterItsRestart() throws Exception {
    Path db = freshDb();
    String hook;
    long firstId;
    try (Receiver receiver = new Receiver()) {
      receiver.otherwiseAnswer(503);
      try (TestServer server = start(db)) {
        hook = Webhooks.register(server, receiver.url(), "[]");
        Webhooks.license(server, server.createUser("carol"), "standard");
        server.deliverWebhooks();
        assertEquals("failing", server.get("/Webhooks/" + hook).body().get("state").asText());
        firstId = receiver.events().get(0).get("id").asLong();
      }
      receiver.otherwiseAnswer(200);
      clock.advance(Duration.ofMinutes(1));
      try (TestServer restarted = start(db)) {
        restarted.deliverWebhooks();
        List<JsonNode> events = receiver.events();
        assertEquals(firstId, events.get(1).get("id").asLong(), "the failed event comes first");
        assertEquals(
            Webhooks.lastEventId(restarted), events.get(events.size() - 1).get("id").asLong());
        assertEquals("ok", restarted.get("/Webhooks/" + hook).body().get("state").asText());
        int sent = events.size();
        restarted.deliverWebhooks();
        assertEquals(sent, receiver.received().size(), "delivered events are not sent again");
      }
    }
  }

  @Test
  void anEndpointFailingForADayIsPausedUntilAnAdminActivatesIt() throws Exception {
    try (Receiver receiver = new Receiver();
        TestServer server = start(freshDb())) {
      receiver.otherwiseAnswer(500);
      String hook = Webhooks.register(server, receiver.url(), "[]");
      Webhooks.license(server, server.createUser("dave"), "standard");
      server.deliverWebhooks();
      clock.advance(Duration.ofHours(23));
      server.deliverWebhooks();
      assertEquals("failing", server.get("/Webhooks/" + hook).body().get("state").asText());

      clock.advance(Duration.ofHours(1));
      server.deliverWebhooks();
      JsonNode paused = server.get("/Webhooks/" + hook).body();
      assertEquals("paused", paused.get("state").asText());
      assertFalse(paused.get("active").asBoolean());
      assertTrue(paused.get("lastError").asText().contains("HTTP 500"));
      int attempts = receiver.received().size();
      clock.advance(Duration.ofHours(1));
      server.deliverWebhooks();
      assertEquals(attempts, receiver.received().size(), "a paused endpoint gets nothing");

      receiver.otherwiseAnswer(200);
      TestServer.Reply resumed =
          server.patch(
              "/Webhooks/" + hook,
              "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                  + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]}");
      assertEquals(204, resumed.status(), resumed.raw().body());
      JsonNode active = server.get("/Webhooks/" + hook).body();
      assertEquals("ok", active.get("state").asText());
      assertTrue(active.get("active").asBoolean());
      server.deliverWebhooks();
      assertEquals(0, server.get("/Webhooks/" + hook).body().get("pending").asLong());
    }
  }
}
