package dev.switchboard.conformance.users;

import static dev.switchboard.conformance.support.ScimAssertions.assertJsonBoolean;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.ScimResponse;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import org.junit.jupiter.api.Test;

/** PUT /Users/{id} (RFC 7644 §3.5.1), including the full-resource echoes Okta sends. */
class UserReplaceTest {

  private final ScimClient client = ScimClient.admin();

  @Test
  void putReplacesTheUserAndReturns200() {
    String userName = Unique.userName("replace");
    String id =
        Fixtures.postUser(
                client,
                """
                {"schemas": ["%s"], "userName": "%s", "title": "Intern", "displayName": "Old"}
                """
                    .formatted(Urns.USER, userName))
            .path("id")
            .asText();

    ScimResponse response =
        client.put(
            "/Users/" + id,
            """
                {"schemas": ["%s"], "userName": "%s", "displayName": "New", "name": {"formatted": "NewName"}}
                """
                .formatted(Urns.USER, userName));

    JsonNode replaced = assertScimJson(response, 200);
    assertEquals("NewName", replaced.path("name").path("formatted").asText());
    JsonNode fetched = Fixtures.getUser(client, id);
    assertEquals("New", fetched.path("displayName").asText());
    assertEquals("NewName", fetched.path("name").path("formatted").asText());
    assertFalse(fetched.hasNonNull("title"), "PUT replaces: an attribute left out is cleared");
  }

  @Test
  void putOmittingActiveNeverDeactivatesTheUser() {
    String userName = Unique.userName("okta-put");
    String id =
        Fixtures.postUser(
                client,
                """
                {"schemas": ["%s"], "userName": "%s", "active": true}
                """
                    .formatted(Urns.USER, userName))
            .path("id")
            .asText();

    assertScimJson(
        client.put(
            "/Users/" + id,
            """
                {"schemas": ["%s"], "userName": "%s", "displayName": "No active here"}
                """
                .formatted(Urns.USER, userName)),
        200);

    assertJsonBoolean(true, Fixtures.getUser(client, id).path("active"), "active");
  }

  @Test
  void putEchoingReadOnlyIdMetaAndGroupsIgnoresThem() {
    String userName = Unique.userName("echo");
    JsonNode user = Fixtures.newUser(client, userName);
    String id = user.path("id").asText();
    String groupId = Fixtures.newGroup(client, Unique.groupName("Echoes"), id).path("id").asText();
    String created = user.path("meta").path("created").asText();

    // Okta PUTs back the whole resource it read, readOnly attributes included.
    ScimResponse response =
        client.put(
            "/Users/" + id,
            """
                {"schemas": ["%s"], "id": "%s", "userName": "%s", "active": true, "title": "Echoed",
                 "groups": [],
                 "meta": {"resourceType": "User", "created": "2001-01-01T00:00:00Z",
                          "lastModified": "2001-01-01T00:00:00Z", "version": "W/\\"bogus\\""}}
                """
                .formatted(Urns.USER, id, userName));

    assertScimJson(response, 200);
    JsonNode fetched = Fixtures.getUser(client, id);
    assertEquals(id, fetched.path("id").asText());
    assertEquals("Echoed", fetched.path("title").asText());
    assertEquals(
        created, fetched.path("meta").path("created").asText(), "meta.created is the server's");
    assertTrue(
        Fixtures.groupIds(fetched).contains(groupId), "groups is readOnly: membership stays");
    assertTrue(Fixtures.memberIds(Fixtures.getGroup(client, groupId)).contains(id));
  }

  @Test
  void putWithMisspelledUserNameIs400AndChangesNothing() {
    String userName = Unique.userName("typo");
    String id =
        Fixtures.postUser(
                client,
                """
                {"schemas": ["%s"], "userName": "%s", "title": "Kept"}
                """
                    .formatted(Urns.USER, userName))
            .path("id")
            .asText();

    ScimResponse response =
        client.put(
            "/Users/" + id,
            """
                {"schemas": ["%s"], "id": "%s", "userame": "%s", "title": "Lost"}
                """
                .formatted(Urns.USER, id, userName));

    assertScimError(response, 400);
    JsonNode fetched = Fixtures.getUser(client, id);
    assertEquals(userName, fetched.path("userName").asText());
    assertEquals("Kept", fetched.path("title").asText());
  }

  @Test
  void putWithUnknownAttributeIgnoresIt() {
    String userName = Unique.userName("misspelled");
    String id = Fixtures.newUser(client, userName).path("id").asText();

    ScimResponse response =
        client.put(
            "/Users/" + id,
            """
                {"schemas": ["%s"], "userName": "%s", "adreses": [{"country": "Germany", "type": "work"}]}
                """
                .formatted(Urns.USER, userName));

    assertScimJson(response, 200);
    assertFalse(response.body().contains("adreses"));
    assertFalse(client.get("/Users/" + id).body().contains("adreses"));
  }

  @Test
  void putTakingAnotherUsersUserNameIs409Uniqueness() {
    String taken = Fixtures.newUser(client, Unique.userName("taken")).path("userName").asText();
    String userName = Unique.userName("mover");
    String id = Fixtures.newUser(client, userName).path("id").asText();

    assertScimError(
        client.put("/Users/" + id, Fixtures.userJson(taken.toUpperCase())), 409, "uniqueness");

    assertEquals(userName, Fixtures.getUser(client, id).path("userName").asText());
  }

  @Test
  void putToUnknownIdIs404() {
    String userName = Unique.userName("ghost");

    assertScimError(
        client.put("/Users/no-such-user-" + Unique.tag(), Fixtures.userJson(userName)), 404);
  }
}
