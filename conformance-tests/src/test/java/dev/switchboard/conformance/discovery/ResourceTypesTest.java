package dev.switchboard.conformance.discovery;

import static dev.switchboard.conformance.support.ScimAssertions.assertListResponse;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.ServerUnderTest;
import dev.switchboard.conformance.support.Urns;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /ResourceTypes (RFC 7643 §6, RFC 7644 §4): User first, then Group, with their extensions. */
class ResourceTypesTest {

  private final ScimClient client = ScimClient.admin();
  private JsonNode resources;

  @BeforeEach
  void fetch() {
    resources = assertListResponse(client.get("/ResourceTypes")).path("Resources");
  }

  @Test
  void userTypeComesFirst() {
    assertEquals(
        "/Users",
        resources.path(0).path("endpoint").asText(),
        "Microsoft's collection asserts this");
  }

  @Test
  void userTypeListsItsSchemaAndExtensions() {
    JsonNode user = Json.elementWhere(resources, "id", "User");

    assertEquals("User", user.path("name").asText());
    assertEquals("/Users", user.path("endpoint").asText());
    assertEquals(Urns.USER, user.path("schema").asText());
    List<String> extensions = Json.fieldTexts(user.path("schemaExtensions"), "schema");
    assertTrue(
        extensions.containsAll(
            List.of(Urns.ENTERPRISE_USER, Urns.CONTACT_CENTER_USER, Urns.PHONE_USER)),
        () -> "User schemaExtensions: " + extensions);
    user.path("schemaExtensions")
        .forEach(
            extension ->
                assertTrue(extension.path("required").isBoolean(), "schemaExtensions[].required"));
  }

  @Test
  void groupTypeListsItsSchemaAndLicensingExtension() {
    JsonNode group = Json.elementWhere(resources, "id", "Group");

    assertEquals("/Groups", group.path("endpoint").asText());
    assertEquals(Urns.GROUP, group.path("schema").asText());
    assertTrue(
        Json.fieldTexts(group.path("schemaExtensions"), "schema").contains(Urns.LICENSING_GROUP));
  }

  @Test
  void eachTypeHasSchemasAndAbsoluteLocation() {
    for (JsonNode type : resources) {
      assertTrue(
          Json.texts(type.path("schemas")).contains(Urns.RESOURCE_TYPE),
          () -> "schemas of " + type);
      assertEquals(
          ServerUnderTest.get().baseUrl() + "/ResourceTypes/" + type.path("id").asText(),
          type.path("meta").path("location").asText());
      assertEquals("ResourceType", type.path("meta").path("resourceType").asText());
    }
  }

  @Test
  void singleTypeIsServedById() {
    JsonNode user = assertScimJson(client.get("/ResourceTypes/User"), 200);

    assertEquals("/Users", user.path("endpoint").asText());
  }

  @Test
  void unknownTypeIs404() {
    assertScimError(client.get("/ResourceTypes/Printer"), 404);
  }
}
