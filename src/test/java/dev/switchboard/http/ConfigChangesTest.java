package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.TestServer;
import dev.switchboard.http.OAuthCalls.Client;
import dev.switchboard.provisioning.Caller;
import dev.switchboard.provisioning.Scope;
import dev.switchboard.provisioning.TokenService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /admin/config-changes} over HTTP: every kind of configuration change is recorded with
 * its actor (an admin token's name, an OAuth admin client's name, {@code cli}, {@code env}), action
 * and before/after, never a secret; failed changes and dry runs record nothing.
 */
class ConfigChangesTest {
  private static final String PATCH =
      "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[";
  private static final String LEADS =
      "{\"name\":\"Leads\",\"group\":{\"display\":\"Sales Leads\"},\"contactCenter\":\"premium\"}";

  @Test
  void templateChangesAreRecordedWithTheAdminTokensName() {
    try (TestServer server = TestServer.start()) {
      String id = server.post("/LicenseTemplates", LEADS).body().get("id").asText();
      server.put("/LicenseTemplates/" + id, LEADS.replace("premium", "standard"));
      server.patch(
          "/LicenseTemplates/" + id,
          PATCH + "{\"op\":\"replace\",\"path\":\"precedence\",\"value\":5}]}");
      assertEquals(204, server.send("DELETE", "/LicenseTemplates/" + id, null).status());

      JsonNode changes = changes(server, "?type=LicenseTemplate");
      assertEquals(4, changes.get("totalResults").asInt());
      JsonNode list = changes.get("Resources");
      assertEquals(
          List.of("deleted", "modified", "replaced", "created"),
          values(list, "action"),
          "newest first");
      for (JsonNode change : list) {
        assertEquals("test-admin", change.get("actor").asText());
        assertEquals("LicenseTemplate", change.get("resourceType").asText());
        assertEquals(id, change.get("resourceId").asText());
        assertEquals("Leads", change.get("resourceName").asText());
      }
      JsonNode created = list.get(3);
      assertTrue(created.get("before").isNull());
      assertEquals("premium", created.get("after").get("contactCenter").asText());
      JsonNode replaced = list.get(2);
      assertEquals("premium", replaced.get("before").get("contactCenter").asText());
      assertEquals("standard", replaced.get("after").get("contactCenter").asText());
      assertEquals(5, list.get(1).get("after").get("precedence").asInt());
      assertTrue(list.get(0).get("after").isNull());
      assertTrue(list.get(3).get("time").asText().endsWith("Z"));
    }
  }

  @Test
  void poolsSitesPackagesAndNumbersAreRecorded() {
    try (TestServer server = TestServer.start()) {
      server.put("/SeatPools/contactCenter.premium", "{\"capacity\":20}");
      server.patch(
          "/SeatPools/contactCenter.premium",
          PATCH + "{\"op\":\"replace\",\"path\":\"capacity\",\"value\":25}]}");
      String site =
          server
              .post(
                  "/Sites",
                  "{\"name\":\"Lund\",\"extensionRanges\":[{\"from\":\"200\",\"to\":\"299\"}]}")
              .body()
              .get("id")
              .asText();
      server.post("/CallingPackages", "{\"name\":\"International\",\"rank\":2}");
      String number =
          server
              .post("/PhoneNumbers", "{\"number\":\"+4640123456\",\"site\":\"Lund\"}")
              .body()
              .get("id")
              .asText();
      assertEquals(204, server.send("DELETE", "/PhoneNumbers/" + number, null).status());

      JsonNode pools = changes(server, "?type=SeatPool").get("Resources");
      assertEquals(List.of("modified", "replaced"), values(pools, "action"));
      assertEquals("contactCenter.premium", pools.get(1).get("resourceId").asText());
      assertEquals(20, pools.get(1).get("after").get("capacity").asInt());
      assertFalse(pools.get(1).get("before").has("capacity"), "unlimited before");
      assertEquals(20, pools.get(0).get("before").get("capacity").asInt());
      assertEquals(25, pools.get(0).get("after").get("capacity").asInt());

      JsonNode sites = changes(server, "?type=site").get("Resources");
      assertEquals(1, sites.size());
      assertEquals(site, sites.get(0).get("resourceId").asText());
      assertTrue(sites.get(0).get("after").get("isDefault").asBoolean(), "the first site");
      assertEquals(
          "International",
          changes(server, "?type=CallingPackage")
              .get("Resources")
              .get(0)
              .get("resourceName")
              .asText());
      JsonNode numbers = changes(server, "?type=PhoneNumber").get("Resources");
      assertEquals(List.of("deleted", "created"), values(numbers, "action"));
      assertEquals("+4640123456", numbers.get(0).get("resourceName").asText());
    }
  }

  @Test
  void oauthClientChangesNameTheirActorAndNeverASecret() {
    try (TestServer server = TestServer.start()) {
      OAuthCalls oauth = new OAuthCalls(server);
      Client ops = oauth.create("ops-automation", "admin");
      String opsToken = oauth.accessToken(ops);
      Client entra = oauth.create("entra-gallery", "idp", "Bearer " + opsToken);
      TestServer.Reply added =
          server.sendRoot(
              "POST",
              OAuthCalls.CLIENTS + "/" + entra.id() + "/secrets",
              null,
              null,
              "Bearer " + opsToken);
      String second = added.body().get("clientSecret").asText();
      server.sendRoot(
          "DELETE",
          OAuthCalls.CLIENTS + "/" + entra.id() + "/secrets/" + entra.secretId(),
          null,
          null,
          "Bearer " + opsToken);
      server.sendRoot(
          "DELETE",
          OAuthCalls.CLIENTS + "/" + entra.id(),
          null,
          null,
          "Bearer " + TestServer.ADMIN_TOKEN);
      server.send(
          "PUT",
          "/SeatPools/phone.licensed",
          "{\"capacity\":7}",
          "Bearer " + opsToken,
          "application/scim+json");

      TestServer.Reply reply = changes(server, "?type=OAuthClient", "Bearer " + opsToken);
      JsonNode list = reply.body().get("Resources");
      assertEquals(
          List.of("deleted", "modified", "modified", "created", "created"), values(list, "action"));
      assertEquals(
          List.of("test-admin", "ops-automation", "ops-automation", "ops-automation", "test-admin"),
          values(list, "actor"));
      assertEquals(2, list.get(2).get("after").get("secrets").size(), "a second secret added");
      assertEquals(1, list.get(1).get("after").get("secrets").size(), "the first revoked");
      String text = reply.raw().body();
      for (String secret : List.of(ops.secret(), entra.secret(), second, opsToken)) {
        assertFalse(text.contains(secret), "a secret in the change log");
        assertFalse(text.contains(sha256(secret)), "a secret's hash in the log");
      }
      assertEquals(
          "ops-automation",
          changes(server, "?type=SeatPool").get("Resources").get(0).get("actor").asText());
    }
  }

  @Test
  void apiTokenChangesNameTheCliAndTheEnvironment() {
    try (TestServer server = TestServer.start()) {
      TokenService tokens = new TokenService(server.database(), Clock.systemUTC());
      String created = tokens.create("okta", Scope.IDP, Caller.CLI);
      tokens.revoke("okta", Caller.CLI);
      tokens.register("test-admin", Scope.ADMIN, TestServer.ADMIN_TOKEN); // unchanged: no record
      tokens.register("test-idp", Scope.IDP, "a-new-idp-token");

      TestServer.Reply reply =
          changes(server, "?type=ApiToken", "Bearer " + TestServer.ADMIN_TOKEN);
      JsonNode list = reply.body().get("Resources");
      assertEquals(
          List.of("replaced", "deleted", "created", "created", "created"), values(list, "action"));
      assertEquals(List.of("env", "cli", "cli", "env", "env"), values(list, "actor"));
      assertEquals(
          List.of("test-idp", "okta", "okta", "test-idp", "test-admin"),
          values(list, "resourceName"));
      assertEquals("idp", list.get(2).get("after").get("scope").asText());
      String text = reply.raw().body();
      for (String secret :
          List.of(created, TestServer.ADMIN_TOKEN, TestServer.IDP_TOKEN, "a-new-idp-token")) {
        assertFalse(text.contains(secret));
        assertFalse(text.contains(sha256(secret)));
      }
    }
  }

  @Test
  void failedChangesAndDryRunsRecordNothing() {
    try (TestServer server = TestServer.start()) {
      assertEquals(201, server.post("/LicenseTemplates", LEADS).status());
      long before = changes(server, "").get("totalResults").asLong();

      assertEquals(409, server.post("/LicenseTemplates", LEADS).status());
      assertEquals(
          200,
          server.post("/LicenseTemplates?dryRun=true", LEADS.replace("Leads", "Other")).status());
      assertEquals(
          400,
          server
              .post(
                  "/Sites",
                  "{\"name\":\"Bad\",\"extensionRanges\":[{\"from\":\"10\",\"to\":\"1\"}]}")
              .status());
      assertEquals(
          400, server.put("/SeatPools/contactCenter.standard", "{\"capacity\":-1}").status());
      assertEquals(400, new OAuthCalls(server).createStatus("bad-scope", "root"));
      new OAuthCalls(server).create("dup", "idp");
      long afterClient = changes(server, "").get("totalResults").asLong();
      assertEquals(409, new OAuthCalls(server).createStatus("dup", "idp"));

      assertEquals(before + 1, afterClient, "only the one client that was made");
      assertEquals(afterClient, changes(server, "").get("totalResults").asLong());
    }
  }

  @Test
  void filtersByTimeAndPagesNewestFirst() {
    try (TestServer server = TestServer.start()) {
      for (int i = 0; i < 5; i++) {
        server.post("/CallingPackages", "{\"name\":\"P" + i + "\",\"rank\":" + i + "}");
      }
      JsonNode page = changes(server, "?type=CallingPackage&startIndex=2&count=2");
      assertEquals(5, page.get("totalResults").asInt());
      assertEquals(2, page.get("startIndex").asInt());
      assertEquals(List.of("P3", "P2"), values(page.get("Resources"), "resourceName"));
      assertEquals(0, changes(server, "?since=2999-01-01T00:00:00Z").get("totalResults").asInt());
      assertEquals(
          5,
          changes(server, "?type=CallingPackage&since=2000-01-01T00:00:00Z")
              .get("totalResults")
              .asInt());
      assertEquals(
          400, changes(server, "?type=Users", "Bearer " + TestServer.ADMIN_TOKEN).status());
      assertEquals(
          400, changes(server, "?since=yesterday", "Bearer " + TestServer.ADMIN_TOKEN).status());
    }
  }

  private static JsonNode changes(TestServer server, String query) {
    TestServer.Reply reply = changes(server, query, "Bearer " + TestServer.ADMIN_TOKEN);
    assertEquals(200, reply.status(), reply.raw().body());
    return reply.body();
  }

  private static TestServer.Reply changes(TestServer server, String query, String authorization) {
    return server.getRoot("/admin/config-changes" + query, authorization);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> values(JsonNode list, String field) {
    List<String> values = new ArrayList<>();
    list.forEach(node -> values.add(node.get(field).asText()));
    return values;
  }
}
