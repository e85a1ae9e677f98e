package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.TestServer;
import dev.switchboard.scim.ScimUrns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the admin console needs beyond SCIM, through HTTP: template previews ({@code ?dryRun=true})
 * that change nothing, groups with member counts, seat use over time, extension ranges used and
 * free, and the console's static files loading without a token.
 */
class ConsoleApiTest {
  private static final String CC = ScimUrns.CONTACT_CENTER_USER;
  private static final String PHONE = ScimUrns.PHONE_USER;
  private static final String LEADS =
      "{\"name\":\"Leads\",\"group\":{\"display\":\"Sales Leads\"},\"contactCenter\":\"premium\"}";

  @Test
  void aTemplatePreviewCountsWhatTheWriteWouldDoAndChangesNothing() {
    try (TestServer server = TestServer.start()) {
      List<String> members = salesLeadsWithPremiumCapacity(server, 3, 2);
      long auditBefore = auditCount(server);

      JsonNode preview = server.post("/LicenseTemplates?dryRun=true", LEADS).body();
      assertEquals(3, preview.get("usersAffected").asInt());
      assertEquals(3, preview.get("upgraded").asInt());
      assertEquals(0, preview.get("downgraded").asInt());
      assertEquals(1, preview.get("pending").asInt(), "capacity 2 leaves the third waiting");
      assertEquals(DryRun.SCHEMA, preview.get("schemas").get(0).asText());

      assertEquals(0, server.get("/LicenseTemplates").body().get("totalResults").asInt());
      assertEquals(auditBefore, auditCount(server));
      assertEquals(0, server.get("/SeatPools/contactCenter.premium").body().get("inUse").asInt());
      for (String id : members) {
        JsonNode user = server.get("/Users/" + id).body().get(CC);
        assertEquals("none", user.get("effectiveLicense").asText());
      }

      TestServer.Reply saved = server.post("/LicenseTemplates", LEADS);
      assertEquals(201, saved.status());
      assertEquals(2, server.get("/SeatPools/contactCenter.premium").body().get("inUse").asInt());
      String template = saved.body().get("id").asText();

      JsonNode removal =
          server.send("DELETE", "/LicenseTemplates/" + template + "?dryRun=true", null).body();
      assertEquals(3, removal.get("downgraded").asInt());
      assertEquals(200, server.get("/LicenseTemplates/" + template).status(), "still there");
      assertEquals(2, server.get("/SeatPools/contactCenter.premium").body().get("inUse").asInt());

      JsonNode standard =
          server
              .send(
                  "PATCH",
                  "/LicenseTemplates/" + template + "?dryRun=true",
                  "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                      + "\"Operations\":[{\"op\":\"replace\",\"path\":\"contactCenter\","
                      + "\"value\":\"standard\"}]}")
              .body();
      assertEquals(3, standard.get("downgraded").asInt());
      assertEquals(0, standard.get("pending").asInt());
    }
  }

  @Test
  void aPreviewOfABadWriteGetsTheErrorTheWriteWouldGet() {
    try (TestServer server = TestServer.start()) {
      assertEquals(201, server.post("/LicenseTemplates", LEADS).status());
      TestServer.Reply duplicate = server.post("/LicenseTemplates?dryRun=true", LEADS);
      assertEquals(409, duplicate.status());
      assertEquals("uniqueness", duplicate.body().get("scimType").asText());
      TestServer.Reply badTier =
          server.post(
              "/LicenseTemplates?dryRun=true",
              "{\"name\":\"X\",\"group\":{\"display\":\"G\"},\"contactCenter\":\"gold\"}");
      assertEquals(400, badTier.status());
      assertEquals(400, server.post("/LicenseTemplates?dryRun=yes", LEADS).status());
      TestServer.Reply users = server.post("/Users?dryRun=true", "{\"userName\":\"ann\"}");
      assertEquals(400, users.status());
      assertTrue(users.body().get("detail").asText().contains("LicenseTemplates"));
      assertEquals(0, server.get("/Users").body().get("totalResults").asInt());
    }
  }

  @Test
  void groupsComeWithMemberCountsAndTheirTemplatesPagedAndSearched() {
    try (TestServer server = TestServer.start()) {
      salesLeadsWithPremiumCapacity(server, 3, 10);
      server.createGroup("Support 100%");
      server.createGroup("Billing");
      server.post("/LicenseTemplates", LEADS);

      JsonNode all = server.getRoot("/admin/groups", admin()).body();
      assertEquals(3, all.get("totalResults").asInt());
      assertEquals(List.of("Billing", "Sales Leads", "Support 100%"), names(all.get("Resources")));
      JsonNode leads = all.get("Resources").get(1);
      assertEquals(3, leads.get("memberCount").asInt());
      assertEquals("Leads", leads.get("templates").get(0).get("display").asText());
      assertEquals(0, all.get("Resources").get(0).get("memberCount").asInt());

      JsonNode searched = server.getRoot("/admin/groups?search=LEAD", admin()).body();
      assertEquals(List.of("Sales Leads"), names(searched.get("Resources")));
      JsonNode percent = server.getRoot("/admin/groups?search=0%25", admin()).body();
      assertEquals(List.of("Support 100%"), names(percent.get("Resources")), "% is literal");

      JsonNode second = server.getRoot("/admin/groups?startIndex=2&count=1", admin()).body();
      assertEquals(3, second.get("totalResults").asInt());
      assertEquals(List.of("Sales Leads"), names(second.get("Resources")));
      assertEquals(400, server.getRoot("/admin/groups?count=lots", admin()).status());
      assertEquals(400, server.getRoot("/admin/groups?startIndex=0", admin()).status());
    }
  }

  @Test
  void seatUsageEndsAtTodaysExactUseAndStartsAtWhatTheTrailUndoes() {
    try (TestServer server = TestServer.start()) {
      salesLeadsWithPremiumCapacity(server, 3, 2);
      server.post("/LicenseTemplates", LEADS);
      JsonNode premium =
          pool(server.getRoot("/admin/seat-usage", admin()).body(), "contactCenter.premium");
      JsonNode points = premium.get("points");
      JsonNode first = points.get(0);
      JsonNode last = points.get(points.size() - 1);
      assertEquals(0, first.get("inUse").asInt());
      assertEquals(0, first.get("pending").asInt());
      assertEquals(2, last.get("inUse").asInt());
      assertEquals(1, last.get("pending").asInt());
      for (int i = 1; i < points.size(); i++) {
        assertTrue(
            points.get(i - 1).get("time").asText().compareTo(points.get(i).get("time").asText())
                <= 0,
            "oldest first");
      }
      JsonNode later =
          pool(
              server.getRoot("/admin/seat-usage?since=2999-01-01T00:00:00Z", admin()).body(),
              "contactCenter.premium");
      assertEquals(2, later.get("points").get(0).get("inUse").asInt(), "no events to undo");
      assertEquals(400, server.getRoot("/admin/seat-usage?since=yesterday", admin()).status());
    }
  }

  @Test
  void siteUsageCountsTakenExtensionsPerRange() {
    try (TestServer server = TestServer.start()) {
      assertEquals(
          201,
          server
              .post(
                  "/Sites",
                  "{\"name\":\"HQ\",\"extensionRanges\":[{\"from\":\"0100\",\"to\":\"0199\"}]}")
              .status());
      String ann = server.createUser("ann");
      assertEquals(
          204,
          server
              .patch(
                  "/Users/" + ann,
                  "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                      + "\"Operations\":[{\"op\":\"add\",\"path\":\""
                      + PHONE
                      + ":licensed\",\"value\":true}]}")
              .status());
      JsonNode site = server.getRoot("/admin/site-usage", admin()).body().get("sites").get(0);
      assertEquals("HQ", site.get("name").asText());
      JsonNode range = site.get("ranges").get(0);
      assertEquals("0100", range.get("from").asText());
      assertEquals(100, range.get("size").asInt());
      assertEquals(1, range.get("used").asInt());
      assertEquals(99, range.get("free").asInt());
    }
  }

  @Test
  void theConsolePageAndItsAssetsLoadWithoutATokenAndNothingElseDoes() {
    try (TestServer server = TestServer.start()) {
      TestServer.Reply page = server.getRoot("/admin/", null);
      assertEquals(200, page.status());
      assertTrue(page.header("Content-Type").startsWith("text/html"));
      assertTrue(page.header("Content-Security-Policy").contains("default-src 'self'"));
      assertTrue(page.raw().body().contains("/admin/assets/app.js"));
      TestServer.Reply script = server.getRoot("/admin/assets/app.js", null);
      assertEquals(200, script.status());
      assertTrue(script.header("Content-Type").startsWith("text/javascript"));
      assertEquals(404, server.getRoot("/admin/assets/missing.js", null).status());
      assertEquals(401, server.getRoot("/admin/assets/../imports/x", null).status());
      assertEquals(401, server.getRoot("/admin/assets/%2e%2e/imports/x", null).status());
      assertEquals(401, server.getRoot("/admin/groups", null).status());
      assertEquals(
          401, server.sendRoot("POST", "/admin/", new byte[0], "text/plain", null).status());
    }
  }

  /** A group "Sales Leads" of {@code size} new users; the premium pool holds {@code capacity}. */
  private static List<String> salesLeadsWithPremiumCapacity(
      TestServer server, int size, int capacity) {
    List<String> ids = new ArrayList<>();
    StringBuilder members = new StringBuilder();
    for (int i = 0; i < size; i++) {
      String id = server.createUser("lead" + i);
      ids.add(id);
      members.append(i == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
    }
    assertEquals(
        201,
        server
            .post("/Groups", "{\"displayName\":\"Sales Leads\",\"members\":[" + members + "]}")
            .status());
    assertEquals(
        204,
        server
            .patch(
                "/SeatPools/contactCenter.premium",
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                    + "\"Operations\":[{\"op\":\"replace\",\"path\":\"capacity\",\"value\":"
                    + capacity
                    + "}]}")
            .status());
    return ids;
  }

  private static long auditCount(TestServer server) {
    return server.get("/AuditEvents?count=0").body().get("totalResults").asLong();
  }

  private static JsonNode pool(JsonNode usage, String id) {
    for (JsonNode pool : usage.get("pools")) {
      if (pool.get("id").asText().equals(id)) {
        return pool;
      }
    }
    throw new AssertionError("no pool " + id + " in " + usage);
  }

  private static List<String> names(JsonNode resources) {
    List<String> names = new ArrayList<>();
    resources.forEach(group -> names.add(group.get("displayName").asText()));
    assertFalse(names.isEmpty());
    return names;
  }

  private static String admin() {
    return "Bearer " + TestServer.ADMIN_TOKEN;
  }
}
