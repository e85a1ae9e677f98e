package dev.switchboard.conformance.discovery;

import static dev.switchboard.conformance.support.ScimAssertions.assertListResponse;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.ScimResponse;
import dev.switchboard.conformance.support.ServerUnderTest;
import dev.switchboard.conformance.support.Urns;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GET /Schemas (RFC 7643 §7): the core schemas and Switchboard's extensions, whose names are public
 * API.
 */
class SchemasTest {

  private static final List<String> EXPECTED =
      List.of(
          Urns.USER,
          Urns.GROUP,
          Urns.ENTERPRISE_USER,
          Urns.CONTACT_CENTER_USER,
          Urns.PHONE_USER,
          Urns.LICENSING_GROUP);

  private final ScimClient client = ScimClient.admin();

  @Test
  void listContainsCoreAndSwitchboardSchemas() {
    ScimResponse response = client.get("/Schemas");

    JsonNode resources = assertListResponse(response).path("Resources");
    assertTrue(
        Json.fieldTexts(resources, "id").containsAll(EXPECTED),
        () -> "schema ids: " + Json.fieldTexts(resources, "id"));
    assertTrue(
        response.body().contains("User Account"),
        "the RFC 7643 User description (Microsoft's collection)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        Urns.USER,
        Urns.GROUP,
        Urns.ENTERPRISE_USER,
        Urns.CONTACT_CENTER_USER,
        Urns.PHONE_USER,
        Urns.LICENSING_GROUP
      })
  void eachSchemaIsServedByUrnWithSchemasAndAbsoluteLocation(String urn) {
    JsonNode schema = assertScimJson(client.get("/Schemas/" + urn), 200);

    assertEquals(urn, schema.path("id").asText());
    assertTrue(Json.texts(schema.path("schemas")).contains(Urns.SCHEMA));
    assertEquals(
        ServerUnderTest.get().baseUrl() + "/Schemas/" + urn,
        schema.path("meta").path("location").asText());
    assertTrue(
        schema.path("attributes").isArray() && schema.path("attributes").size() > 0, "attributes");
  }

  @Test
  void userNameIsRequiredUniqueAndCaseInsensitive() {
    JsonNode userName = attribute(Urns.USER, "userName");

    assertTrue(userName.path("required").asBoolean(false));
    assertEquals("server", userName.path("uniqueness").asText());
    assertEquals(false, userName.path("caseExact").asBoolean(true));
  }

  @Test
  void contactCenterExtensionNamesItsAttributes() {
    assertHasAttributes(
        Urns.CONTACT_CENTER_USER,
        "license",
        "role",
        "agentId",
        "queues",
        "effectiveLicense",
        "licenseState",
        "licenseSources");
    assertEquals(
        "readOnly",
        attribute(Urns.CONTACT_CENTER_USER, "effectiveLicense").path("mutability").asText());
    assertTrue(attribute(Urns.CONTACT_CENTER_USER, "queues").path("multiValued").asBoolean(false));
    assertEquals("integer", attribute(Urns.CONTACT_CENTER_USER, "agentId").path("type").asText());
  }

  @Test
  void phoneExtensionNamesItsAttributes() {
    assertHasAttributes(
        Urns.PHONE_USER,
        "licensed",
        "callingPackage",
        "site",
        "extensionNumber",
        "directNumbers",
        "effectiveLicensed",
        "effectiveCallingPackage",
        "effectiveSite",
        "licenseState",
        "licenseSources");
    assertEquals("boolean", attribute(Urns.PHONE_USER, "licensed").path("type").asText());
    assertEquals(
        "readOnly", attribute(Urns.PHONE_USER, "effectiveSite").path("mutability").asText());
  }

  @Test
  void licensingGroupExtensionHasReadOnlyTemplates() {
    JsonNode templates = attribute(Urns.LICENSING_GROUP, "templates");

    assertEquals("readOnly", templates.path("mutability").asText());
    assertTrue(templates.path("multiValued").asBoolean(false));
    assertTrue(
        Json.fieldTexts(templates.path("subAttributes"), "name")
            .containsAll(List.of("value", "display")));
  }

  @Test
  void unknownSchemaIs404() {
    assertScimError(client.get("/Schemas/urn:example:no-such-schema"), 404);
  }

  private void assertHasAttributes(String urn, String... names) {
    List<String> actual =
        Json.fieldTexts(
            assertScimJson(client.get("/Schemas/" + urn), 200).path("attributes"), "name");
    assertTrue(actual.containsAll(List.of(names)), () -> urn + " attributes: " + actual);
  }

  private JsonNode attribute(String urn, String name) {
    JsonNode schema = assertScimJson(client.get("/Schemas/" + urn), 200);
    return Json.elementWhere(schema.path("attributes"), "name", name);
  }
}
