package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.TestServer;
import org.junit.jupiter.api.Test;

class CanonicalPathFilterTest {
  @Test
  void endpointNamesMatchInAnyCaseAndTrailingSlashesAreDropped() {
    assertEquals("scim/v2/Users", CanonicalPathFilter.canonical("scim/v2/users/"));
    assertEquals(
        "scim/v2/ServiceProviderConfig",
        CanonicalPathFilter.canonical("SCIM/V2/serviceproviderconfig"));
    assertEquals("scim/v2/Users/AbC", CanonicalPathFilter.canonical("scim/v2/USERS/AbC"));
    assertEquals("healthz", CanonicalPathFilter.canonical("healthz"));
  }

  @Test
  void microsoftsLowercaseAndTrailingSlashRequestsReachUsers() {
    try (TestServer server = TestServer.start()) {
      server.createUser("bob-is-amazing");
      assertEquals(200, server.get("/users").status());
      var found = server.get("/Users/?filter=userName+eq+%22bob-is-amazing%22");
      assertEquals(200, found.status());
      assertEquals(1, found.body().get("totalResults").asInt());
    }
  }
}
