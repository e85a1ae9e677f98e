package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.switchboard.TestServer;
import dev.switchboard.provisioning.Scope;
import org.junit.jupiter.api.Test;

class TokenAuthFilterTest {
  @Test
  void readsBearerInAnyCaseAndOktasRawToken() {
    assertEquals("abc", TokenAuthFilter.token("Bearer abc"));
    assertEquals("abc", TokenAuthFilter.token("bearer  abc"));
    assertEquals("abc", TokenAuthFilter.token("abc"));
    assertNull(TokenAuthFilter.token("Basic dXNlcjpwYXNz"));
    assertNull(TokenAuthFilter.token(null));
  }

  @Test
  void idpRoutesAreNamedAndEverythingElseIsAdmin() {
    assertEquals(Scope.IDP, TokenAuthFilter.requiredScope("scim/v2/Users/1"));
    assertEquals(Scope.IDP, TokenAuthFilter.requiredScope("scim/v2/Schemas"));
    assertEquals(Scope.ADMIN, TokenAuthFilter.requiredScope("scim/v2/LicenseTemplates"));
  }

  @Test
  void overHttpOktaRawTokenWorksAndAWrongTokenIs401WithAChallenge() {
    try (TestServer server = TestServer.start()) {
      assertEquals(200, server.send("GET", "/Users", null, TestServer.IDP_TOKEN, null).status());
      var refused = server.send("GET", "/Users", null, "Bearer wrong", null);
      assertEquals(401, refused.status());
      assertEquals("401", refused.body().get("status").asText());
      assertEquals("Bearer realm=\"switchboard\"", refused.header("WWW-Authenticate"));
      var forbidden =
          server.send("GET", "/AuditEvents", null, "Bearer " + TestServer.IDP_TOKEN, null);
      assertEquals(403, forbidden.status());
    }
  }
}
