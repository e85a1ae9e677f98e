package dev.switchboard.conformance.groups;

import static dev.switchboard.conformance.support.ScimAssertions.assertNoContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.Unique;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The readOnly {@code groups} attribute of a User (RFC 7643 §4.1.2) follows group membership. */
class UserGroupsAttributeTest {

  private final ScimClient client = ScimClient.admin();

  @Test
  void userGroupsListsEveryGroupItBelongsTo() {
    String userId = Fixtures.newUser(client, Unique.userName("joiner")).path("id").asText();
    String firstName = Unique.groupName("First");
    String first = Fixtures.newGroup(client, firstName, userId).path("id").asText();
    String second =
        Fixtures.newGroup(client, Unique.groupName("Second"), userId).path("id").asText();

    JsonNode user = Fixtures.getUser(client, userId);

    assertEquals(Set.of(first, second), Fixtures.groupIds(user));
    assertEquals(
        firstName, Json.elementWhere(user.path("groups"), "value", first).path("display").asText());
  }

  @Test
  void deleteUserRemovesItFromItsGroups() {
    String leaving = Fixtures.newUser(client, Unique.userName("leaving")).path("id").asText();
    String staying = Fixtures.newUser(client, Unique.userName("staying")).path("id").asText();
    String groupId =
        Fixtures.newGroup(client, Unique.groupName("Team"), leaving, staying).path("id").asText();

    assertNoContent(client.delete("/Users/" + leaving));

    assertEquals(Set.of(staying), Fixtures.memberIds(Fixtures.getGroup(client, groupId)));
  }

  @Test
  void removedMemberNoLongerListsTheGroup() {
    String userId = Fixtures.newUser(client, Unique.userName("removed")).path("id").asText();
    String groupId =
        Fixtures.newGroup(client, Unique.groupName("Left"), userId).path("id").asText();

    assertNoContent(
        client.patch(
            "/Groups/" + groupId,
            Fixtures.patch(
                """
                {"op": "remove", "path": "members[value eq \\"%s\\"]"}
                """
                    .formatted(userId))));

    assertFalse(Fixtures.groupIds(Fixtures.getUser(client, userId)).contains(groupId));
  }
}
