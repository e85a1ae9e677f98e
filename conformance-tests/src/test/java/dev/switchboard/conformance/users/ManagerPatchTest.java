package dev.switchboard.conformance.users;

import static dev.switchboard.conformance.support.ScimAssertions.assertNoContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The enterprise {@code manager}: Entra sets it as a bare id string or as {@code {"value": id}},
 * clears it with {@code {"value": ""}}, {@code ""} or {@code remove}; it always comes back as an
 * object.
 */
class ManagerPatchTest {

  private static final String MANAGER_PATH = Urns.ENTERPRISE_USER + ":manager";

  private final ScimClient client = ScimClient.admin();

  @Test
  void managerSetAsStringIsReturnedAsObject() {
    String managerId = newUserId("boss");
    String id = newUserId("report");

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "Add", "path": "%s", "value": "%s"}
                """
                    .formatted(MANAGER_PATH, managerId))));

    JsonNode manager = manager(id);
    assertTrue(manager.isObject(), () -> "manager must be an object, was " + manager);
    assertEquals(managerId, manager.path("value").asText());
  }

  @Test
  void managerSetAsValueObjectReplacesThePreviousOne() {
    String firstManager = newUserId("boss1");
    String secondManager = newUserId("boss2");
    String id = newUserId("report");
    setManager(id, "\"" + firstManager + "\"");

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "Replace", "path": "%s", "value": {"value": "%s"}}
                """
                    .formatted(MANAGER_PATH, secondManager))));

    assertEquals(secondManager, manager(id).path("value").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"value\": \"\"}", "\"\""})
  void managerClearedByEmptyValue(String emptyValue) {
    String id = newUserId("report");
    setManager(id, "\"" + newUserId("boss") + "\"");

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "Replace", "path": "%s", "value": %s}
                """
                    .formatted(MANAGER_PATH, emptyValue))));

    assertNoManager(id);
  }

  @Test
  void managerClearedByRemove() {
    String id = newUserId("report");
    setManager(id, "\"" + newUserId("boss") + "\"");

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "Remove", "path": "%s"}
                """
                    .formatted(MANAGER_PATH))));

    assertNoManager(id);
  }

  private void setManager(String id, String jsonValue) {
    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "Add", "path": "%s", "value": %s}
                """
                    .formatted(MANAGER_PATH, jsonValue))));
  }

  private void assertNoManager(String id) {
    JsonNode manager = manager(id);
    assertTrue(
        manager.path("value").asText("").isEmpty(),
        () -> "manager must be cleared, was " + manager);
  }

  private JsonNode manager(String id) {
    return Fixtures.getUser(client, id).path(Urns.ENTERPRISE_USER).path("manager");
  }

  private String newUserId(String who) {
    return Fixtures.newUser(client, Unique.userName(who)).path("id").asText();
  }
}
