package dev.switchboard.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A user's effective site is audited when it changes. */
class SiteAuditTest {
  private static final String PHONE =
      "urn:switchboard:params:scim:schemas:extension:phone:1.0:User";

  @Test
  void movingAUserToAnotherSiteIsAudited() {
    try (TestServer server = TestServer.start()) {
      server.post(
          "/Sites",
          "{\"name\":\"Stockholm\",\"extensionRanges\":[{\"from\":\"100\",\"to\":\"199\"}]}");
      server.post(
          "/Sites", "{\"name\":\"Lund\",\"extensionRanges\":[{\"from\":\"200\",\"to\":\"299\"}]}");
      String id =
          server
              .post("/Users", "{\"userName\":\"mover\",\"" + PHONE + "\":{\"licensed\":true}}")
              .body()
              .get("id")
              .asText();
      assertEquals(
          204,
          server
              .patch(
                  "/Users/" + id,
                  "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                      + "\"Operations\":[{\"op\":\"replace\",\"path\":\""
                      + PHONE
                      + ":site\",\"value\":\"Lund\"}]}")
              .status());
      String filter =
          URLEncoder.encode(
              "user.value eq \"" + id + "\" and product eq \"site\"", StandardCharsets.UTF_8);
      JsonNode events = server.get("/AuditEvents?filter=" + filter).body().get("Resources");
      assertEquals(2, events.size());
      java.util.Map<String, JsonNode> byAfter = new java.util.HashMap<>();
      events.forEach(e -> byAfter.put(e.get("after").asText(), e));
      assertEquals("none", byAfter.get("Stockholm").get("before").asText());
      assertEquals("Stockholm", byAfter.get("Lund").get("before").asText());
      assertEquals("direct:site Lund", byAfter.get("Lund").get("reason").asText());
    }
  }
}
