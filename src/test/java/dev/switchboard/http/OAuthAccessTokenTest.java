package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.MutableClock;
import dev.switchboard.TestServer;
import dev.switchboard.http.OAuthCalls.Client;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * OAuth access tokens used as bearer tokens over HTTP: scopes as for API tokens, and refusal of
 * expired, forged (tampered claims, another key, {@code alg: none}) and orphaned tokens (revoked
 * secret, deleted client); secret rotation with two secrets.
 */
class OAuthAccessTokenTest {
  @Test
  void anIdpClientsTokenReachesUsersAndIs403OnAdminRoutes() {
    try (TestServer server = TestServer.start()) {
      OAuthCalls oauth = new OAuthCalls(server);
      String token = oauth.accessToken(oauth.create("entra-gallery", "idp"));
      assertEquals(200, oauth.get("/scim/v2/Users", token));
      assertEquals(
          201,
          server
              .send(
                  "POST",
                  "/Users",
                  "{\"userName\":\"ann\"}",
                  "Bearer " + token,
                  "application/scim+json")
              .status());
      assertEquals(
          200, server.send("GET", "/Users", null, token, null).status(), "Okta's raw header");
      assertEquals(403, oauth.get("/scim/v2/LicenseTemplates", token));
      TestServer.Reply forbidden = server.getRoot(OAuthCalls.CLIENTS, "Bearer " + token);
      assertEquals(403, forbidden.status());
      assertTrue(forbidden.body().get("detail").asText().contains("entra-gallery"));
    }
  }

  @Test
  void anAdminClientsTokenReachesAdminRoutes() {
    try (TestServer server = TestServer.start()) {
      OAuthCalls oauth = new OAuthCalls(server);
      String token = oauth.accessToken(oauth.create("ops-automation", "admin"));
      assertEquals(200, oauth.get("/scim/v2/LicenseTemplates", token));
      assertEquals(200, oauth.get("/admin/config-changes", token));
      assertEquals(200, oauth.get(OAuthCalls.CLIENTS, token));
      oauth.create("made-by-a-client", "idp", "Bearer " + token);
    }
  }

  @Test
  void aTokenExpiresAfterItsLifetime() {
    MutableClock clock = new MutableClock();
    try (TestServer server = TestServer.startAt(clock)) {
      OAuthCalls oauth = new OAuthCalls(server);
      String token = oauth.accessToken(oauth.create("entra-gallery", "idp"));
      clock.advance(Duration.ofMinutes(59));
      assertEquals(200, oauth.get("/scim/v2/Users", token));
      clock.advance(Duration.ofMinutes(1));
      assertEquals(401, oauth.get("/scim/v2/Users", token));
    }
  }

  @Test
  void forgedTokensAreRefused() throws Exception {
    try (TestServer server = TestServer.start()) {
      OAuthCalls oauth = new OAuthCalls(server);
      String token = oauth.accessToken(oauth.create("entra-gallery", "idp"));
      String[] parts = token.split("\\.");
      JsonNode claims =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(decode(parts[1]));

      String widened =
          encode(claims.toString().replace("\"scope\":\"idp\"", "\"scope\":\"admin\""));
      assertTrue(decode(widened).contains("\"scope\":\"admin\""), decode(widened));
      String tampered = parts[0] + "." + widened + "." + parts[2];
      assertEquals(401, oauth.get("/scim/v2/LicenseTemplates", tampered), "tampered claims");
      assertEquals(401, oauth.get("/scim/v2/Users", tampered));

      byte[] otherKey = new byte[32];
      new SecureRandom().nextBytes(otherKey);
      SignedJWT otherSigner =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt")).build(),
              JWTClaimsSet.parse(claims.toString()));
      otherSigner.sign(new MACSigner(otherKey));
      assertEquals(401, oauth.get("/scim/v2/Users", otherSigner.serialize()), "another key");

      String none = encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + parts[1] + ".";
      assertEquals(401, oauth.get("/scim/v2/Users", none), "alg none");
      String noneSigned = encode("{\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2];
      assertEquals(401, oauth.get("/scim/v2/Users", noneSigned), "alg none with a signature");

      assertEquals(200, oauth.get("/scim/v2/Users", token), "the real one still works");
    }
  }

  @Test
  void aTokenOfAnotherServerIsRefused() {
    String foreign;
    try (TestServer other = TestServer.start()) {
      OAuthCalls oauth = new OAuthCalls(other);
      foreign = oauth.accessToken(oauth.create("entra-gallery", "idp"));
    }
    try (TestServer server = TestServer.start()) {
      assertEquals(401, new OAuthCalls(server).get("/scim/v2/Users", foreign));
    }
  }

  @Test
  void twoSecretsRotateAndRevokingOneEndsItAndItsTokens() {
    try (TestServer server = TestServer.start()) {
      OAuthCalls oauth = new OAuthCalls(server);
      Client client = oauth.create("entra-gallery", "idp");
      String oldToken = oauth.accessToken(client);

      TestServer.Reply added =
          server.sendRoot(
              "POST",
              OAuthCalls.CLIENTS + "/" + client.id() + "/secrets",
              null,
              null,
              "Bearer " + TestServer.ADMIN_TOKEN);
      assertEquals(201, added.status(), added.raw().body());
      Client rotated =
          new Client(
              client.id(),
              added.body().get("clientSecret").asText(),
              added.body().get("id").asText());
      String newToken = oauth.accessToken(rotated);
      assertEquals(200, oauth.get("/scim/v2/Users", oldToken), "both secrets work");
      assertEquals(200, oauth.get("/scim/v2/Users", newToken));

      TestServer.Reply third =
          server.sendRoot(
              "POST",
              OAuthCalls.CLIENTS + "/" + client.id() + "/secrets",
              null,
              null,
              "Bearer " + TestServer.ADMIN_TOKEN);
      assertEquals(409, third.status());
      assertTrue(third.body().get("detail").asText().contains("revoke one"), third.raw().body());
      assertEquals(2, oauth.clients().get("Resources").get(0).get("secrets").size());

      TestServer.Reply revoked =
          server.sendRoot(
              "DELETE",
              OAuthCalls.CLIENTS + "/" + client.id() + "/secrets/" + client.secretId(),
              null,
              null,
              "Bearer " + TestServer.ADMIN_TOKEN);
      assertEquals(204, revoked.status(), revoked.raw().body());
      assertEquals(401, oauth.tokenWithBasic(client.id(), client.secret()).status());
      assertEquals(401, oauth.get("/scim/v2/Users", oldToken), "its tokens end with it");
      assertEquals(200, oauth.get("/scim/v2/Users", newToken), "the other secret's go on");
      assertEquals(200, oauth.tokenWithBasic(rotated.id(), rotated.secret()).status());
    }
  }

  @Test
  void deletingAClientEndsItsTokens() {
    try (TestServer server = TestServer.start()) {
      OAuthCalls oauth = new OAuthCalls(server);
      Client client = oauth.create("entra-gallery", "idp");
      String token = oauth.accessToken(client);
      TestServer.Reply deleted =
          server.sendRoot(
              "DELETE",
              OAuthCalls.CLIENTS + "/" + client.id(),
              null,
              null,
              "Bearer " + TestServer.ADMIN_TOKEN);
      assertEquals(204, deleted.status());
      assertEquals(401, oauth.get("/scim/v2/Users", token));
      assertEquals(401, oauth.tokenWithBasic(client.id(), client.secret()).status());
      assertEquals(0, oauth.clients().get("totalResults").asInt());
    }
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
