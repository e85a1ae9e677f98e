package dev.switchboard.conformance.groups;

import static dev.switchboard.conformance.support.ScimAssertions.assertNoContent;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.Unique;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Group PATCH answers, and Okta's rename-on-every-push. */
class GroupPatchTest {

  private final ScimClient client = ScimClient.admin();

  @Test
  void oktaNoPathReplaceWithIdRenamesAndKeepsMembers() {
    String userId = Fixtures.newUser(client, Unique.userName("kept")).path("id").asText();
    String groupId =
        Fixtures.newGroup(client, Unique.groupName("Old name"), userId).path("id").asText();
    String newName = Unique.groupName("New name");

    assertNoContent(
        client.patch(
            "/Groups/" + groupId,
            Fixtures.patch(
                """
                {"op": "replace", "value": {"id": "%s", "displayName": "%s"}}
                """
                    .formatted(groupId, newName))));

    JsonNode group = Fixtures.getGroup(client, groupId);
    assertEquals(groupId, group.path("id").asText());
    assertEquals(newName, group.path("displayName").asText());
    assertEquals(Set.of(userId), Fixtures.memberIds(group));
  }

  @Test
  void memberPatchAnswers204WithoutBody() {
    String groupId = Fixtures.newGroup(client, Unique.groupName("Quiet")).path("id").asText();
    String userId = Fixtures.newUser(client, Unique.userName("quiet")).path("id").asText();

    assertNoContent(
        client.patch(
            "/Groups/" + groupId,
            Fixtures.patch(
                """
                {"op": "add", "path": "members", "value": [{"value": "%s"}]}
                """
                    .formatted(userId))));
  }

  @Test
  void patchWithAttributesAnswers200WithoutMembersUnlessAsked() {
    String userId = Fixtures.newUser(client, Unique.userName("big")).path("id").asText();
    String groupId = Fixtures.newGroup(client, Unique.groupName("Big"), userId).path("id").asText();
    String newName = Unique.groupName("Bigger");

    JsonNode group =
        assertScimJson(
            client.patch(
                "/Groups/" + groupId + "?attributes=displayName",
                Fixtures.patch(
                    """
                {"op": "replace", "path": "displayName", "value": "%s"}
                """
                        .formatted(newName))),
            200);

    assertEquals(groupId, group.path("id").asText());
    assertEquals(newName, group.path("displayName").asText());
    assertFalse(group.has("members"), "a group PATCH never returns the member list unless asked");
  }

  @Test
  void patchWithExcludedMembersAnswers200WithoutMembers() {
    String userId = Fixtures.newUser(client, Unique.userName("big")).path("id").asText();
    String groupId = Fixtures.newGroup(client, Unique.groupName("Big"), userId).path("id").asText();
    String otherId = Fixtures.newUser(client, Unique.userName("big")).path("id").asText();

    JsonNode group =
        assertScimJson(
            client.patch(
                "/Groups/" + groupId + "?excludedAttributes=members",
                Fixtures.patch(
                    """
                {"op": "add", "path": "members", "value": [{"value": "%s"}]}
                """
                        .formatted(otherId))),
            200);

    assertFalse(group.has("members"));
    assertEquals(Set.of(userId, otherId), Fixtures.memberIds(Fixtures.getGroup(client, groupId)));
  }
}
