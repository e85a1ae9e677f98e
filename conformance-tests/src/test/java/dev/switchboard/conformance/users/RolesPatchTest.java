package dev.switchboard.conformance.users;

import static dev.switchboard.conformance.support.ScimAssertions.assertSuccessful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.Unique;
import org.junit.jupiter.api.Test;

/**
 * Entra's {@code SingleAppRoleAssignment} mapping sends each role as a JSON-encoded string inside
 * {@code value}. The write must succeed and the role must be stored.
 */
class RolesPatchTest {

  private final ScimClient client = ScimClient.admin();

  @Test
  void rolesWithJsonEncodedStringValuesAreStored() {
    String id = Fixtures.newUser(client, Unique.userName("role")).path("id").asText();

    assertSuccessful(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "Add", "path": "roles", "value": [
                  {"value": "{\\"id\\":\\"06b07648-ecfe-589f-9d2f-6325724a46ee\\",\\"value\\":\\"Admin\\",\\"displayName\\":\\"Admin\\"}"}
                ]}
                """)));

    JsonNode roles = Fixtures.getUser(client, id).path("roles");
    assertEquals(1, roles.size(), () -> "roles: " + roles);
    String value = roles.path(0).path("value").asText();
    // Decoding the inner JSON (value "Admin") and keeping the string as sent are both acceptable.
    assertTrue(
        value.equals("Admin") || value.contains("06b07648-ecfe-589f-9d2f-6325724a46ee"),
        () -> "the role must be stored, was " + roles);
  }

  @Test
  void rolesReplacedWithPlainObjectsAreStored() {
    String id = Fixtures.newUser(client, Unique.userName("role")).path("id").asText();

    assertSuccessful(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "replace", "path": "roles", "value": [
                  {"primary": "True", "type": "WindowsAzureActiveDirectoryRole", "value": "Reader"}]}
                """)));

    JsonNode role = Fixtures.getUser(client, id).path("roles").path(0);
    assertEquals("Reader", role.path("value").asText());
    assertTrue(
        role.path("primary").isBoolean() && role.path("primary").booleanValue(),
        () -> "role: " + role);
  }
}
