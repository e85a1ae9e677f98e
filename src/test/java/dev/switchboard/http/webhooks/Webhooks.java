package dev.switchboard.http.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.PatchBodies;
import dev.switchboard.TestServer;
import dev.switchboard.scim.ScimUrns;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What the webhook tests share: requests that make events, and the receiver's side of a check. */
final class Webhooks {
  static final String SECRET = "whsec-0123456789abcdef";

  private Webhooks() {}

  /** Registers {@code url} for {@code events} (a JSON array text) and returns the webhook's id. */
  static String register(TestServer server, String url, String events) {
    TestServer.Reply reply =
        server.post(
            "/Webhooks",
            "{\"url\":\"" + url + "\",\"events\":" + events + ",\"secret\":\"" + SECRET + "\"}");
    if (reply.status() != 201) {
      throw new IllegalStateException("register failed: " + reply.raw().body());
    }
    return reply.body().get("id").asText();
  }

  /** Sets a user's direct contact-center license (an event when it changes the effective one). */
  static void license(TestServer server, String userId, String tier) {
    TestServer.Reply reply =
        server.patch(
            "/Users/" + userId,
            PatchBodies.replace(ScimUrns.CONTACT_CENTER_USER + ":license", "\"" + tier + "\""));
    if (reply.status() / 100 != 2) {
      throw new IllegalStateException("license failed: " + reply.status() + reply.raw().body());
    }
  }

  /** Every event id so far: the replay's newest. */
  static long lastEventId(TestServer server) {
    JsonNode page = server.getRoot("/admin/events?since=0&count=1000", admin()).body();
    JsonNode events = page.get("Resources");
    return events == null || events.isEmpty()
        ? 0
        : events.get(events.size() - 1).get("id").asLong();
  }

  static long eventCount(TestServer server) {
    return server
        .getRoot("/admin/events?since=0&count=0", admin())
        .body()
        .get("totalResults")
        .asLong();
  }

  static String admin() {
    return "Bearer " + TestServer.ADMIN_TOKEN;
  }

  /**
   * The receiver's check, as the README shows it: split the header, recompute the HMAC over
   * "t.body" with the shared secret, compare in constant time.
   */
  static boolean verifies(String header, String body, String secret) throws Exception {
    String t = null;
    String v1 = null;
    for (String part : header.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv[0].equals("t")) t = kv[1];
      if (kv[0].equals("v1")) v1 = kv[1];
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
    return java.security.MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
  }
}
