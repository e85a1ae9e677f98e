package dev.switchboard.http;

import static dev.switchboard.http.OAuthCalls.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.TestServer;
import dev.switchboard.http.OAuthCalls.Client;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /oauth/token} over HTTP (RFC 6749 §4.4): the token response, client authentication by
 * HTTP Basic or form fields, scopes, and every refusal as a §5.2 JSON error, never a 5xx and never
 * echoing the secret.
 */
class OAuthTokenEndpointTest {
  private static TestServer server;
  private static OAuthCalls oauth;
  private static Client idp;
  private static Client admin;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    oauth = new OAuthCalls(server);
    idp = oauth.create("entra-gallery", "idp");
    admin = oauth.create("ops-automation", "admin");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void basicAuthenticationGetsABearerTokenThatIsNotCached() {
    TestServer.Reply reply = oauth.tokenWithBasic(idp.id(), idp.secret());
    assertEquals(200, reply.status(), reply.raw().body());
    assertTrue(reply.header("Content-Type").startsWith("application/json"));
    assertEquals("no-store", reply.header("Cache-Control"));
    assertEquals("Bearer", reply.body().get("token_type").asText());
    assertEquals(3600, reply.body().get("expires_in").asLong());
    assertEquals("idp", reply.body().get("scope").asText());
    assertEquals(3, reply.body().get("access_token").asText().split("\\.").length);
  }

  @Test
  void formFieldsAuthenticateTooAndAScopeWithinTheClientsIsGranted() {
    TestServer.Reply reply =
        oauth.token(
            "grant_type=client_credentials&scope=idp&client_id="
                + admin.id()
                + "&client_secret="
                + OAuthCalls.encode(admin.secret()),
            null);
    assertEquals(200, reply.status(), reply.raw().body());
    assertEquals("idp", reply.body().get("scope").asText());
    String token = reply.body().get("access_token").asText();
    assertEquals(200, oauth.get("/scim/v2/Users", token));
    assertEquals(403, oauth.get("/scim/v2/LicenseTemplates", token), "asked for idp only");
  }

  @Test
  void aScopeBeyondTheClientsIsInvalidScope() {
    TestServer.Reply wider =
        oauth.token("grant_type=client_credentials&scope=admin", basic(idp.id(), idp.secret()));
    assertError(wider, 400, "invalid_scope");
    TestServer.Reply unknown =
        oauth.token("grant_type=client_credentials&scope=root", basic(admin.id(), admin.secret()));
    assertError(unknown, 400, "invalid_scope");
  }

  @Test
  void aWrongSecretOrUnknownClientIsInvalidClientWithABasicChallenge() {
    String wrong = idp.secret() + "x";
    TestServer.Reply reply = oauth.tokenWithBasic(idp.id(), wrong);
    assertError(reply, 401, "invalid_client");
    assertEquals("Basic realm=\"switchboard\"", reply.header("WWW-Authenticate"));
    assertFalse(reply.raw().body().contains(wrong), "the secret sent is never echoed");
    assertError(oauth.tokenWithBasic("no-such-client", idp.secret()), 401, "invalid_client");
    assertError(
        oauth.token(
            "grant_type=client_credentials&client_id=" + idp.id() + "&client_secret=nope", null),
        401,
        "invalid_client");
  }

  @Test
  void missingCredentialsAreInvalidClient() {
    assertError(oauth.token("grant_type=client_credentials", null), 401, "invalid_client");
    assertError(
        oauth.token("grant_type=client_credentials&client_id=" + idp.id(), null),
        401,
        "invalid_client");
    assertError(
        oauth.token("grant_type=client_credentials", "Bearer " + TestServer.ADMIN_TOKEN),
        401,
        "invalid_client");
  }

  @Test
  void aMissingOrUnsupportedGrantTypeIsRefused() {
    assertError(oauth.token("", basic(idp.id(), idp.secret())), 400, "invalid_request");
    assertError(oauth.token("grant_type=", basic(idp.id(), idp.secret())), 400, "invalid_request");
    assertError(
        oauth.token("grant_type=password&username=a&password=b", basic(idp.id(), idp.secret())),
        400,
        "unsupported_grant_type");
    assertError(
        oauth.token("grant_type=authorization_code&code=x", basic(idp.id(), idp.secret())),
        400,
        "unsupported_grant_type");
  }

  @Test
  void aBadFormIsInvalidRequest() {
    String auth = basic(idp.id(), idp.secret());
    assertError(
        server.sendRoot(
            "POST",
            OAuthCalls.TOKEN,
            "{\"grant_type\":\"client_credentials\"}".getBytes(StandardCharsets.UTF_8),
            "application/json",
            auth),
        400,
        "invalid_request");
    assertError(
        oauth.token("grant_type=client_credentials&grant_type=client_credentials", auth),
        400,
        "invalid_request");
    assertError(
        oauth.token("grant_type=client_credentials&scope=%zz", auth), 400, "invalid_request");
    assertError(
        oauth.token("grant_type=client_credentials", "Basic not-base64!"), 400, "invalid_request");
    assertError(
        oauth.token(
            "grant_type=client_credentials",
            "Basic " + java.util.Base64.getEncoder().encodeToString("no-colon".getBytes())),
        400,
        "invalid_request");
    assertError(
        oauth.token(
            "grant_type=client_credentials&client_secret=" + OAuthCalls.encode(idp.secret()), auth),
        400,
        "invalid_request");
    assertError(
        server.sendRoot("POST", OAuthCalls.TOKEN, null, null, auth), 400, "invalid_request");
  }

  @Test
  void otherMethodsAreRefusedWithoutA5xx() {
    TestServer.Reply get = server.getRoot(OAuthCalls.TOKEN, null);
    assertEquals(405, get.status(), get.raw().body());
  }

  private static void assertError(TestServer.Reply reply, int status, String error) {
    assertEquals(status, reply.status(), reply.raw().body());
    assertTrue(
        reply.header("Content-Type").startsWith("application/json"), reply.header("Content-Type"));
    assertEquals(error, reply.body().get("error").asText(), reply.raw().body());
    assertTrue(reply.body().get("error_description").asText().length() > 10);
    assertEquals("no-store", reply.header("Cache-Control"));
  }
}
