package dev.switchboard.conformance.groups;

import static dev.switchboard.conformance.support.ScimAssertions.assertNoContent;
import static dev.switchboard.conformance.support.ScimAssertions.assertSuccessful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every shape in which IdPs add members to a group with PATCH; each lands, unknown ids are skipped.
 */
class GroupMemberAddTest {

  private final ScimClient client = ScimClient.admin();

  @Test
  void addMemberWithoutTypeAnswers204AndLands() {
    String groupId = newGroup();
    String userId = newUser();

    assertNoContent(
        client.patch(
            "/Groups/" + groupId,
            Fixtures.patch(
                """
                {"op": "Add", "path": "members", "value": [{"value": "%s"}]}
                """
                    .formatted(userId))));

    assertEquals(Set.of(userId), members(groupId));
  }

  @Test
  void addMemberWithNullRefLands() {
    String groupId = newGroup();
    String userId = newUser();

    assertNoContent(
        client.patch(
            "/Groups/" + groupId,
            Fixtures.patch(
                """
                {"op": "add", "path": "members", "value": [{"$ref": null, "value": "%s"}]}
                """
                    .formatted(userId))));

    assertEquals(Set.of(userId), members(groupId));
  }

  @Test
  void addMemberAsBareStringLands() {
    // Microsoft's collection: "value" is the member id itself, and the PatchOp carries an "id".
    String groupId = newGroup();
    String userId = newUser();

    assertNoContent(
        client.patch(
            "/Groups/" + groupId,
            """
                {"id": "%s", "schemas": ["%s"],
                 "Operations": [{"op": "add", "path": "members", "value": "%s"}]}
                """
                .formatted(groupId, Urns.PATCH_OP, userId)));

    assertEquals(Set.of(userId), members(groupId));
  }

  @Test
  void addMemberAsBareStringOfUnknownIdIsSkipped() {
    String groupId = newGroup();

    assertNoContent(
        client.patch(
            "/Groups/" + groupId,
            Fixtures.patch(
                """
                {"op": "add", "path": "members", "value": "string id 1"}
                """)));

    assertEquals(Set.of(), members(groupId));
  }

  @Test
  void addMemberWithDisplayNameEchoesItBack() {
    // Microsoft's collection sends "displayName" (the RFC says "display") and a non-RFC "name"
    // field.
    String groupId = newGroup();
    String userId = newUser();
    String label = "new User " + Unique.tag();

    assertNoContent(
        client.patch(
            "/Groups/" + groupId,
            Fixtures.patch(
                """
                {"name": "addMember", "op": "add", "path": "members", "value": [{"displayName": "%s", "value": "%s"}]}
                """
                    .formatted(label, userId))));

    assertEquals(Set.of(userId), members(groupId));
    assertTrue(
        client.get("/Groups/" + groupId).body().contains(label),
        "the member's displayName is echoed back");
  }

  @Test
  void unknownMemberIdsAreSkippedAndTheRestApplied() {
    String groupId = newGroup();
    String userId = newUser();

    assertSuccessful(
        client.patch(
            "/Groups/" + groupId,
            Fixtures.patch(
                """
                {"op": "add", "path": "members", "value": [{"value": "no-such-user-%s"}, {"value": "%s"}]}
                """
                    .formatted(Unique.tag(), userId))));

    assertEquals(Set.of(userId), members(groupId));
  }

  @Test
  void addingAnExistingMemberAgainKeepsOneEntry() {
    String userId = newUser();
    String groupId =
        Fixtures.newGroup(client, Unique.groupName("Twice"), userId).path("id").asText();

    assertSuccessful(
        client.patch(
            "/Groups/" + groupId,
            Fixtures.patch(
                """
                {"op": "add", "path": "members", "value": [{"value": "%s"}]}
                """
                    .formatted(userId))));

    assertEquals(1, Fixtures.getGroup(client, groupId).path("members").size());
  }

  private Set<String> members(String groupId) {
    return Fixtures.memberIds(Fixtures.getGroup(client, groupId));
  }

  private String newGroup() {
    return Fixtures.newGroup(client, Unique.groupName("Adds")).path("id").asText();
  }

  private String newUser() {
    return Fixtures.newUser(client, Unique.userName("member")).path("id").asText();
  }
}
