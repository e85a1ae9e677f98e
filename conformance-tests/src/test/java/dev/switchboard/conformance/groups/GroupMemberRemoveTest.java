package dev.switchboard.conformance.groups;

import static dev.switchboard.conformance.support.ScimAssertions.assertNoContent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.Unique;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Removing and replacing group members, in the RFC's shapes and in Entra's remove-with-value. */
class GroupMemberRemoveTest {

  private final ScimClient client = ScimClient.admin();
  private String[] users;
  private String groupId;

  @BeforeEach
  void groupOfThree() {
    users =
        Fixtures.ids(
            Fixtures.newUser(client, Unique.userName("u1")),
            Fixtures.newUser(client, Unique.userName("u2")),
            Fixtures.newUser(client, Unique.userName("u3")));
    groupId = Fixtures.newGroup(client, Unique.groupName("Removals"), users).path("id").asText();
  }

  @Test
  void removeMembersWithValueListRemovesOnlyThoseMembers() {
    // Entra's wire request; some PATCH libraries read it as "remove all members".
    assertNoContent(
        client.patch(
            "/Groups/" + groupId,
            Fixtures.patch(
                """
                {"op": "Remove", "path": "members", "value": [{"value": "%s"}, {"value": "%s"}]}
                """
                    .formatted(users[0], users[2]))));

    assertEquals(Set.of(users[1]), members());
  }

  @Test
  void removeMembersWithoutValueRemovesAll() {
    assertNoContent(
        client.patch(
            "/Groups/" + groupId,
            Fixtures.patch(
                """
                {"op": "remove", "path": "members"}
                """)));

    assertEquals(Set.of(), members());
  }

  @Test
  void removeMemberByValueFilterRemovesThatOne() {
    assertNoContent(
        client.patch(
            "/Groups/" + groupId,
            Fixtures.patch(
                """
                {"op": "remove", "path": "members[value eq \\"%s\\"]"}
                """
                    .formatted(users[1]))));

    assertEquals(Set.of(users[0], users[2]), members());
  }

  @Test
  void replaceMembersSetsExactlyTheGivenSet() {
    String newcomer = Fixtures.newUser(client, Unique.userName("u4")).path("id").asText();

    assertNoContent(
        client.patch(
            "/Groups/" + groupId,
            Fixtures.patch(
                """
                {"op": "replace", "path": "members", "value": [{"value": "%s"}, {"value": "%s"}]}
                """
                    .formatted(users[2], newcomer))));

    assertEquals(Set.of(users[2], newcomer), members());
  }

  @Test
  void removeAndAddInOnePatchApplyInOrder() {
    String newcomer = Fixtures.newUser(client, Unique.userName("u5")).path("id").asText();

    assertNoContent(
        client.patch(
            "/Groups/" + groupId,
            Fixtures.patch(
                """
                {"op": "Remove", "path": "members", "value": [{"value": "%s"}]}
                """
                    .formatted(users[0]),
                """
                {"op": "Add", "path": "members", "value": [{"value": "%s"}]}
                """
                    .formatted(newcomer))));

    assertEquals(Set.of(users[1], users[2], newcomer), members());
  }

  private Set<String> members() {
    return Fixtures.memberIds(Fixtures.getGroup(client, groupId));
  }
}
