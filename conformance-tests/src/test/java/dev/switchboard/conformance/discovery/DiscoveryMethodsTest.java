package dev.switchboard.conformance.discovery;

import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;

import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.Urns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Discovery endpoints are read-only (405 for writes) and /Me is not implemented (501), all as SCIM
 * errors.
 */
class DiscoveryMethodsTest {

  private final ScimClient client = ScimClient.admin();

  @ParameterizedTest
  @CsvSource({
    "POST, /ServiceProviderConfig",
    "PUT, /ServiceProviderConfig",
    "PATCH, /ServiceProviderConfig",
    "DELETE, /ServiceProviderConfig",
    "POST, /ResourceTypes",
    "PUT, /ResourceTypes",
    "PATCH, /ResourceTypes",
    "DELETE, /ResourceTypes",
    "PUT, /ResourceTypes/User",
    "DELETE, /ResourceTypes/User",
    "POST, /Schemas",
    "PUT, /Schemas",
    "PATCH, /Schemas",
    "DELETE, /Schemas",
    "PUT, /Schemas/" + Urns.USER,
    "DELETE, /Schemas/" + Urns.USER
  })
  void writesToDiscoveryEndpointsAre405(String method, String path) {
    assertScimError(
        client.request(method, path).json("{\"schemas\": [\"" + Urns.SCHEMA + "\"]}").send(), 405);
  }

  @Test
  void meIs501() {
    assertScimError(client.get("/Me"), 501);
  }
}
