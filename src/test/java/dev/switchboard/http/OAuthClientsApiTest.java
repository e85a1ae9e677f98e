package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.TestServer;
import dev.switchboard.http.OAuthCalls.Client;
import org.junit.jupiter.api.Test;

/**
 * {@code /admin/oauth-clients} over HTTP: the secret is answered once on creation and never listed;
 * bad input is a SCIM 400/404/409; only the admin scope may manage clients.
 */
class OAuthClientsApiTest {
  private static final String ADMIN = "Bearer " + TestServer.ADMIN_TOKEN;

  @Test
  void aSecretIsShownOnceAndNeverListed() {
    try (TestServer server = TestServer.start()) {
      OAuthCalls oauth = new OAuthCalls(server);
      Client client = oauth.create("entra-gallery", "idp");
      assertTrue(client.secret().startsWith("sbs_") && client.secret().length() >= 47);

      TestServer.Reply listed = server.getRoot(OAuthCalls.CLIENTS, ADMIN);
      assertEquals(200, listed.status());
      JsonNode only = listed.body().get("Resources").get(0);
      assertEquals(client.id(), only.get("id").asText());
      assertEquals("entra-gallery", only.get("name").asText());
      assertEquals("idp", only.get("scope").asText());
      assertEquals(client.secretId(), only.get("secrets").get(0).get("id").asText());
      TestServer.Reply one = server.getRoot(OAuthCalls.CLIENTS + "/" + client.id(), ADMIN);
      assertEquals(200, one.status());
      for (TestServer.Reply reply : new TestServer.Reply[] {listed, one}) {
        assertFalse(reply.raw().body().contains(client.secret()));
        assertFalse(reply.raw().body().contains("clientSecret"));
      }
    }
  }

  @Test
  void badInputIsAScimError() {
    try (TestServer server = TestServer.start()) {
      OAuthCalls oauth = new OAuthCalls(server);
      oauth.create("entra-gallery", "idp");
      assertEquals(409, oauth.createStatus("entra-gallery", "admin"));
      assertEquals(400, oauth.createStatus("other", "root"));
      assertEquals(400, oauth.createStatus("", "idp"));
      TestServer.Reply notJson =
          server.sendRoot(
              "POST", OAuthCalls.CLIENTS, "{name".getBytes(), "application/json", ADMIN);
      assertEquals(400, notJson.status());
      assertEquals("invalidSyntax", notJson.body().get("scimType").asText());
      assertEquals(404, server.getRoot(OAuthCalls.CLIENTS + "/nope", ADMIN).status());
      assertEquals(
          404, server.sendRoot("DELETE", OAuthCalls.CLIENTS + "/nope", null, null, ADMIN).status());
      Client client = oauth.create("okta", "idp");
      TestServer.Reply unknownSecret =
          server.sendRoot(
              "DELETE",
              OAuthCalls.CLIENTS + "/" + client.id() + "/secrets/nope",
              null,
              null,
              ADMIN);
      assertEquals(404, unknownSecret.status());
      assertEquals("404", unknownSecret.body().get("status").asText());
    }
  }

  @Test
  void onlyTheAdminScopeManagesClients() {
    try (TestServer server = TestServer.start()) {
      OAuthCalls oauth = new OAuthCalls(server);
      assertEquals(
          401,
          server
              .sendRoot(
                  "POST",
                  OAuthCalls.CLIENTS,
                  "{\"name\":\"x\",\"scope\":\"admin\"}".getBytes(),
                  "application/json",
                  null)
              .status());
      TestServer.Reply idp =
          server.sendRoot(
              "POST",
              OAuthCalls.CLIENTS,
              "{\"name\":\"x\",\"scope\":\"admin\"}".getBytes(),
              "application/json",
              "Bearer " + TestServer.IDP_TOKEN);
      assertEquals(403, idp.status());
      String idpClientToken = oauth.accessToken(oauth.create("entra-gallery", "idp"));
      assertEquals(403, oauth.get(OAuthCalls.CLIENTS, idpClientToken));
      assertEquals(1, oauth.clients().get("totalResults").asInt());
    }
  }
}
