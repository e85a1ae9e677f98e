package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.Fixtures;
import dev.switchboard.TestServer;
import dev.switchboard.TestServer.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The request sequences Entra ID and Okta document for a provisioning cycle, replayed in order
 * against the real server with their wire bodies, each answer checked as the IdP checks it.
 */
class IdpSequencesTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void entraCreatesUpdatesGroupsDisablesAndDeletesAUser() {
    String userName = "ann.andersson@contoso.example";
    Reply lookup = get("/Users?filter=" + encode("userName eq \"" + userName + "\""));
    assertEquals(200, lookup.status());
    assertEquals(0, lookup.body().get("totalResults").asInt());
    assertTrue(lookup.body().get("Resources").isArray());

    Reply created =
        server.post(
            "/Users",
            Fixtures.load(Fixtures.ENTRA_CREATE_USER, "userName", userName, "externalId", "ann"));
    assertEquals(201, created.status());
    String id = created.body().get("id").asText();
    assertEquals(created.header("Location"), created.body().at("/meta/location").asText());

    assertEquals(
        1,
        get("/Users?filter=" + encode("userName eq \"ANN.andersson@contoso.example\""))
            .body()
            .get("totalResults")
            .asInt());
    assertEquals(
        204, server.patch("/Users/" + id, Fixtures.load(Fixtures.ENTRA_PATCH_REPLACE)).status());

    String groupName = "Contact Center Agents";
    Reply groupLookup =
        get(
            "/Groups?excludedAttributes=members&filter="
                + encode("displayName eq \"" + groupName.toUpperCase() + "\""));
    assertEquals(0, groupLookup.body().get("totalResults").asInt());
    Reply group =
        server.post(
            "/Groups",
            Fixtures.load(
                Fixtures.ENTRA_CREATE_GROUP, "externalId", "g-1", "displayName", groupName));
    assertEquals(201, group.status());
    String groupId = group.body().get("id").asText();
    assertEquals(
        204,
        server
            .patch(
                "/Groups/" + groupId,
                Fixtures.load(
                    Fixtures.ENTRA_ADD_MEMBERS,
                    "first",
                    id,
                    "second",
                    id,
                    "unknown",
                    "00000000-0000-0000-0000-000000000000"))
            .status());

    assertEquals(
        204, server.patch("/Users/" + id, Fixtures.load(Fixtures.ENTRA_DISABLE_USER)).status());
    JsonNode disabled = get("/Users/" + id).body();
    assertFalse(disabled.get("active").booleanValue());
    assertEquals("Berg", disabled.at("/name/familyName").asText());
    assertEquals(
        "Sales",
        disabled
            .at("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/department")
            .asText());
    assertEquals(groupId, disabled.at("/groups/0/value").asText(), "memberships stay");

    assertEquals(
        204,
        server
            .patch("/Groups/" + groupId, Fixtures.load(Fixtures.ENTRA_REMOVE_MEMBERS, "userId", id))
            .status());
    assertEquals(204, server.send("DELETE", "/Users/" + id, null).status());
    assertEquals(404, get("/Users/" + id).status());
  }

  @Test
  void oktaImportsPushesDeactivatesAndRenames() {
    Reply page = get("/Users?count=1&startIndex=1");
    assertEquals(200, page.status());
    assertEquals(1, page.body().get("startIndex").asInt());

    String userName = "okta.user@example.com";
    assertEquals(
        0,
        get("/Users?filter="
                + encode("userName eq \"" + userName + "\"")
                + "&startIndex=1&count=100")
            .body()
            .get("totalResults")
            .asInt());
    Reply created =
        server.post("/Users", Fixtures.load(Fixtures.OKTA_CREATE_USER, "userName", userName));
    assertEquals(201, created.status());
    assertFalse(created.raw().body().contains("1mz050nq"), "password is never returned");
    String id = created.body().get("id").asText();
    assertEquals(
        409,
        server
            .post(
                "/Users",
                Fixtures.load(Fixtures.OKTA_CREATE_USER, "userName", userName.toUpperCase()))
            .status());

    Reply replaced =
        server.put(
            "/Users/" + id, Fixtures.load(Fixtures.OKTA_PUT_USER, "id", id, "userName", userName));
    assertEquals(200, replaced.status());
    assertEquals("Another", replaced.body().at("/name/givenName").asText());
    assertTrue(replaced.body().get("active").booleanValue(), "an omitted active stays true");
    assertEquals(id, replaced.body().get("id").asText());

    Reply group =
        server.post(
            "/Groups", Fixtures.load(Fixtures.OKTA_CREATE_GROUP, "displayName", "Okta Sales"));
    String groupId = group.body().get("id").asText();
    assertEquals(
        204,
        server
            .patch(
                "/Groups/" + groupId,
                Fixtures.load(Fixtures.OKTA_ADD_MEMBER, "userId", id, "display", userName))
            .status());
    assertEquals(
        204,
        server
            .patch(
                "/Groups/" + groupId,
                Fixtures.load(
                    Fixtures.OKTA_RENAME_GROUP,
                    "groupId",
                    groupId,
                    "displayName",
                    "Okta Sales EMEA"))
            .status());
    JsonNode renamed = get("/Groups/" + groupId).body();
    assertEquals("Okta Sales EMEA", renamed.get("displayName").asText());
    assertEquals(userName, renamed.at("/members/0/display").asText());

    assertEquals(
        204, server.patch("/Users/" + id, Fixtures.load(Fixtures.OKTA_DEACTIVATE_USER)).status());
    JsonNode deactivated =
        get("/Users?filter=" + encode("userName eq \"" + userName + "\""))
            .body()
            .at("/Resources/0");
    assertFalse(deactivated.get("active").booleanValue());
    assertEquals(404, get("/Users/010101001010101").status());
    assertEquals(204, server.send("DELETE", "/Groups/" + groupId, null).status());
  }

  private static Reply get(String path) {
    return server.get(path);
  }

  private static String encode(String filter) {
    return URLEncoder.encode(filter, StandardCharsets.UTF_8);
  }
}
