package dev.switchboard.conformance.discovery;

import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.ServerUnderTest;
import dev.switchboard.conformance.support.Urns;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /ServiceProviderConfig, shaped exactly as RFC 7643 §5 defines it. */
class ServiceProviderConfigTest {

  private static final Set<String> RFC_KEYS =
      Set.of(
          "schemas",
          "documentationUri",
          "patch",
          "bulk",
          "filter",
          "changePassword",
          "sort",
          "etag",
          "authenticationSchemes",
          "meta");

  private JsonNode config;

  @BeforeEach
  void fetch() {
    config = assertScimJson(ScimClient.admin().get("/ServiceProviderConfig"), 200);
  }

  @Test
  void listsItsSchemaAndAnAbsoluteLocation() {
    assertTrue(Json.texts(config.path("schemas")).contains(Urns.SERVICE_PROVIDER_CONFIG));
    assertEquals(
        ServerUnderTest.get().baseUrl() + "/ServiceProviderConfig",
        config.path("meta").path("location").asText());
    assertEquals("ServiceProviderConfig", config.path("meta").path("resourceType").asText());
  }

  @Test
  void advertisesPatchFilterSortAndEtag() {
    assertTrue(config.path("patch").path("supported").asBoolean(false), "patch.supported");
    assertTrue(config.path("filter").path("supported").asBoolean(false), "filter.supported");
    assertTrue(config.path("filter").path("maxResults").asInt(0) > 0, "filter.maxResults");
    assertTrue(config.path("sort").path("supported").asBoolean(false), "sort.supported");
    assertTrue(config.path("etag").path("supported").asBoolean(false), "etag.supported");
    assertTrue(
        config.path("changePassword").path("supported").isBoolean(), "changePassword.supported");
  }

  @Test
  void advertisesBulkLimits() {
    JsonNode bulk = config.path("bulk");
    assertTrue(bulk.path("supported").isBoolean(), "bulk.supported");
    assertTrue(bulk.path("maxOperations").isIntegralNumber(), "bulk.maxOperations");
    assertTrue(bulk.path("maxPayloadSize").isIntegralNumber(), "bulk.maxPayloadSize");
    if (bulk.path("supported").booleanValue()) {
      assertEquals(1000, bulk.path("maxOperations").asInt(), "api.md: maxOperations 1000");
      assertTrue(bulk.path("maxPayloadSize").asLong() > 0, "bulk.maxPayloadSize");
    }
  }

  @Test
  void describesBearerAuthentication() {
    JsonNode schemes = config.path("authenticationSchemes");
    assertTrue(schemes.isArray() && schemes.size() > 0, "authenticationSchemes must not be empty");
    for (JsonNode scheme : schemes) {
      assertFalse(scheme.path("type").asText("").isBlank(), "authenticationSchemes[].type");
      assertFalse(scheme.path("name").asText("").isBlank(), "authenticationSchemes[].name");
      assertFalse(
          scheme.path("description").asText("").isBlank(), "authenticationSchemes[].description");
    }
    assertTrue(
        Json.fieldTexts(schemes, "type").contains("oauthbearertoken"),
        "RFC 7643 §5 type for bearer tokens");
  }

  @Test
  void carriesNoKeysTheRfcDoesNotDefine() {
    config
        .fieldNames()
        .forEachRemaining(key -> assertTrue(RFC_KEYS.contains(key), "unexpected key " + key));
  }
}
