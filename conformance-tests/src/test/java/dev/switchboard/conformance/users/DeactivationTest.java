package dev.switchboard.conformance.users;

import static dev.switchboard.conformance.support.ScimAssertions.assertJsonBoolean;
import static dev.switchboard.conformance.support.ScimAssertions.assertNoContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.Unique;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Deactivation ({@code active: false}) is not deletion: the user stays readable, findable and in
 * its groups.
 */
class DeactivationTest {

  private final ScimClient client = ScimClient.admin();

  @Test
  void deactivatedUserStaysVisibleWithItsMemberships() {
    String userName = Unique.userName("leaving");
    String id = Fixtures.newUser(client, userName).path("id").asText();
    String groupId = Fixtures.newGroup(client, Unique.groupName("Crew"), id).path("id").asText();

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "Replace", "path": "active", "value": false}
                """)));

    JsonNode user = Fixtures.getUser(client, id);
    assertJsonBoolean(false, user.path("active"), "active");
    assertTrue(Fixtures.groupIds(user).contains(groupId), "the user still lists its group");
    assertEquals(
        Set.of(userName), Fixtures.userNamesMatching(client, "userName eq \"" + userName + "\""));
    assertEquals(
        Set.of(userName),
        Fixtures.userNamesMatching(client, "userName eq \"" + userName + "\" and active eq false"));
    assertTrue(
        Fixtures.memberIds(Fixtures.getGroup(client, groupId)).contains(id),
        "the group keeps the member");
  }

  @Test
  void reactivationRestoresActive() {
    String id = Fixtures.newUser(client, Unique.userName("returning")).path("id").asText();
    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "replace", "path": "active", "value": false}
                """)));

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "replace", "path": "active", "value": true}
                """)));

    assertJsonBoolean(true, Fixtures.getUser(client, id).path("active"), "active");
  }
}
