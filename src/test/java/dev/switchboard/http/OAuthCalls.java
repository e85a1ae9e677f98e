package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The OAuth calls tests make over HTTP: clients through the admin API, tokens from the endpoint.
 */
final class OAuthCalls {
  static final String FORM = "application/x-www-form-urlencoded";
  static final String CLIENTS = "/admin/oauth-clients";
  static final String TOKEN = "/oauth/token";

  private final TestServer server;

  OAuthCalls(TestServer server) {
    this.server = server;
  }

  /** A client just created: its id, first secret and that secret's id. */
  record Client(String id, String secret, String secretId) {}

  /** Creates a client as the admin token; fails the test unless 201. */
  Client create(String name, String scope) {
    return create(name, scope, "Bearer " + TestServer.ADMIN_TOKEN);
  }

  Client create(String name, String scope, String authorization) {
    TestServer.Reply reply = post(name, scope, authorization);
    assertEquals(201, reply.status(), reply.raw().body());
    return new Client(
        reply.body().get("id").asText(),
        reply.body().get("clientSecret").asText(),
        reply.body().get("secrets").get(0).get("id").asText());
  }

  /** The status of creating a client as the admin token. */
  int createStatus(String name, String scope) {
    return post(name, scope, "Bearer " + TestServer.ADMIN_TOKEN).status();
  }

  private TestServer.Reply post(String name, String scope, String authorization) {
    return server.sendRoot(
        "POST",
        CLIENTS,
        ("{\"name\":\"" + name + "\",\"scope\":\"" + scope + "\"}").getBytes(),
        "application/json",
        authorization);
  }

  /** {@code POST /oauth/token} with {@code form} and {@code authorization} (null: none). */
  TestServer.Reply token(String form, String authorization) {
    return server.sendRoot(
        "POST", TOKEN, form.getBytes(StandardCharsets.UTF_8), FORM, authorization);
  }

  /** A client credentials request authenticated by HTTP Basic (RFC 6749 §2.3.1). */
  TestServer.Reply tokenWithBasic(String clientId, String secret) {
    return token("grant_type=client_credentials", basic(clientId, secret));
  }

  /** The access token for {@code client}; fails the test unless 200. */
  String accessToken(Client client) {
    TestServer.Reply reply = tokenWithBasic(client.id(), client.secret());
    assertEquals(200, reply.status(), reply.raw().body());
    return reply.body().get("access_token").asText();
  }

  /** GETs a path under the server root with {@code Bearer token}. */
  int get(String rootPath, String token) {
    return server.getRoot(rootPath, "Bearer " + token).status();
  }

  JsonNode clients() {
    return server.getRoot(CLIENTS, "Bearer " + TestServer.ADMIN_TOKEN).body();
  }

  static String basic(String clientId, String secret) {
    String pair = encode(clientId) + ":" + encode(secret);
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
