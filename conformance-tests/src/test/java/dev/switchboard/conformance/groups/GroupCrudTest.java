package dev.switchboard.conformance.groups;

import static dev.switchboard.conformance.support.ScimAssertions.assertNoContent;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.ScimResponse;
import dev.switchboard.conformance.support.ServerUnderTest;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** POST, GET, PUT and DELETE on /Groups, and displayName uniqueness. */
class GroupCrudTest {

  private final ScimClient client = ScimClient.admin();

  @Test
  void createGroupWithMembersReturns201WithLocationAndMeta() {
    String[] members =
        Fixtures.ids(
            Fixtures.newUser(client, Unique.userName("m1")),
            Fixtures.newUser(client, Unique.userName("m2")));
    String displayName = Unique.groupName("Tour Guides");

    ScimResponse response =
        client.post(
            "/Groups",
            """
                {"schemas": ["%s"], "displayName": "%s", "members": [{"value": "%s"}, {"value": "%s"}]}
                """
                .formatted(Urns.GROUP, displayName, members[0], members[1]));

    JsonNode group = assertScimJson(response, 201);
    String id = group.path("id").asText();
    JsonNode meta = group.path("meta");
    assertEquals("Group", meta.path("resourceType").asText());
    assertEquals(ServerUnderTest.get().baseUrl() + "/Groups/" + id, meta.path("location").asText());
    assertEquals(meta.path("location").asText(), response.header("Location").orElse(null));
    assertFalse(meta.path("version").asText("").isBlank());
    JsonNode fetched = Fixtures.getGroup(client, id);
    assertEquals(displayName, fetched.path("displayName").asText());
    assertEquals(Set.of(members), Fixtures.memberIds(fetched));
  }

  @Test
  void createGroupWithEntraSchemaUrnIsAccepted() {
    String displayName = Unique.groupName("Entra");

    JsonNode group =
        assertScimJson(
            client.post(
                "/Groups",
                """
                {"schemas": ["%s", "%s"], "externalId": "%s", "displayName": "%s", "members": []}
                """
                    .formatted(Urns.GROUP, Urns.ENTRA_AD_GROUP, Unique.tag(), displayName)),
            201);

    assertEquals(
        displayName,
        Fixtures.getGroup(client, group.path("id").asText()).path("displayName").asText());
  }

  @Test
  void duplicateDisplayNameInAnotherCaseIs409Uniqueness() {
    String displayName = Unique.groupName("Sales");
    Fixtures.newGroup(client, displayName);

    assertScimError(
        client.post(
            "/Groups",
            """
                {"schemas": ["%s"], "displayName": "%s"}
                """
                .formatted(Urns.GROUP, displayName.toUpperCase(Locale.ROOT))),
        409,
        "uniqueness");

    assertEquals(1, Fixtures.count(client, "/Groups", "displayName eq \"" + displayName + "\""));
  }

  @Test
  void displayNameFilterIgnoresCase() {
    String displayName = Unique.groupName("Support");
    String id = Fixtures.newGroup(client, displayName).path("id").asText();

    JsonNode list =
        Fixtures.list(
            client, "/Groups", "displayName eq \"" + displayName.toUpperCase(Locale.ROOT) + "\"");

    assertEquals(Set.of(id), Json.fieldTextSet(list.path("Resources"), "id"));
  }

  @Test
  void putReplacesDisplayNameAndMembers() {
    String[] users =
        Fixtures.ids(
            Fixtures.newUser(client, Unique.userName("old")),
            Fixtures.newUser(client, Unique.userName("new1")),
            Fixtures.newUser(client, Unique.userName("new2")));
    String id = Fixtures.newGroup(client, Unique.groupName("Before"), users[0]).path("id").asText();
    String newName = Unique.groupName("putName");

    ScimResponse response =
        client.put(
            "/Groups/" + id,
            """
                {"schemas": ["%s"], "id": "%s", "displayName": "%s",
                 "members": [{"value": "%s", "display": "VP"}, {"value": "%s", "display": "SenorVP"}]}
                """
                .formatted(Urns.GROUP, id, newName, users[1], users[2]));

    assertEquals(newName, assertScimJson(response, 200).path("displayName").asText());
    JsonNode fetched = Fixtures.getGroup(client, id);
    assertEquals(newName, fetched.path("displayName").asText());
    assertEquals(Set.of(users[1], users[2]), Fixtures.memberIds(fetched));
  }

  @Test
  void deleteGroupReturns204AndKeepsItsUsers() {
    String userId = Fixtures.newUser(client, Unique.userName("survivor")).path("id").asText();
    String id = Fixtures.newGroup(client, Unique.groupName("Doomed"), userId).path("id").asText();

    assertNoContent(client.delete("/Groups/" + id));

    assertScimError(client.get("/Groups/" + id), 404);
    JsonNode user = Fixtures.getUser(client, userId);
    assertFalse(Fixtures.groupIds(user).contains(id), "a deleted group leaves the user's groups");
  }

  @Test
  void createGroupWithUnknownMemberIdsKeepsOnlyTheKnownOnes() {
    String known = Fixtures.newUser(client, Unique.userName("known")).path("id").asText();

    JsonNode group =
        assertScimJson(
            client.post(
                "/Groups",
                """
                {"schemas": ["%s"], "displayName": "%s",
                 "members": [{"value": "%s"}, {"value": "no-such-user-%s"}]}
                """
                    .formatted(Urns.GROUP, Unique.groupName("Partial"), known, Unique.tag())),
            201);

    assertEquals(
        Set.of(known), Fixtures.memberIds(Fixtures.getGroup(client, group.path("id").asText())));
  }

  @Test
  void getUnknownGroupIs404() {
    assertScimError(client.get("/Groups/no-such-group-" + Unique.tag()), 404);
  }

  @Test
  void missingDisplayNameIs400() {
    assertScimError(
        client.post(
            "/Groups",
            """
                {"schemas": ["%s"], "members": []}
                """
                .formatted(Urns.GROUP)),
        400);
  }
}
