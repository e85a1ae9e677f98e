package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar at DEBUG: API tokens (environment and CLI), OAuth client secrets, access tokens
 * and the signing key never appear in anything the server or the CLI writes, through successes and
 * failures alike (wrong secret, forged token, revoked secret).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class OAuthSecretsNeverLoggedIT {
  private static final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir Path dir;

  @Test
  void noSecretTokenOrKeyAppearsInTheOutput() throws Exception {
    Path db = dir.resolve("switchboard.db");
    String adminToken = "admin-" + UUID.randomUUID();
    String idpToken = "idp-" + UUID.randomUUID();
    List<String> secrets = new ArrayList<>(List.of(adminToken, idpToken));
    StringBuilder cliOutput = new StringBuilder();

    JarProcess server =
        JarProcess.start(
            db,
            Map.of(
                "SWITCHBOARD_LOG_LEVEL", "DEBUG",
                "SWITCHBOARD_ADMIN_TOKEN", adminToken,
                "SWITCHBOARD_IDP_TOKEN", idpToken));
    try {
      URI base = server.scimBase();
      JsonNode client =
          send(
              base,
              "POST",
              "/admin/oauth-clients",
              adminToken,
              "{\"name\":\"entra-gallery\",\"scope\":\"admin\"}",
              201);
      String clientId = client.get("id").asText();
      String first = client.get("clientSecret").asText();
      String firstId = client.get("secrets").get(0).get("id").asText();
      String second =
          send(base, "POST", "/admin/oauth-clients/" + clientId + "/secrets", adminToken, null, 201)
              .get("clientSecret")
              .asText();
      secrets.addAll(List.of(first, second));

      String byBasic = token(base, basic(clientId, first), "grant_type=client_credentials", 200);
      String byForm =
          token(
              base,
              null,
              "grant_type=client_credentials&scope=idp&client_id="
                  + clientId
                  + "&client_secret="
                  + second,
              200);
      secrets.addAll(List.of(byBasic, byForm));
      send(base, "GET", "/scim/v2/Users", byBasic, null, 200);
      send(base, "POST", "/scim/v2/Users", byForm, "{\"userName\":\"ann\"}", 201);
      send(base, "GET", "/admin/config-changes", byBasic, null, 200);
      send(base, "GET", "/scim/v2/Users", idpToken, null, 200);

      String wrong = first + "x";
      secrets.add(wrong);
      token(base, basic(clientId, wrong), "grant_type=client_credentials", 401);
      token(
          base,
          null,
          "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + wrong,
          401);
      token(base, basic(clientId, first), "grant_type=password", 400);
      token(base, basic(clientId, first), "grant_type=client_credentials&scope=%zz", 400);
      String forged = byBasic.substring(0, byBasic.length() - 4) + "AAAA";
      secrets.add(forged);
      send(base, "GET", "/scim/v2/Users", forged, null, 401);
      send(base, "POST", "/scim/v2/Users", byBasic, "{not json", 400);
      send(base, "GET", "/scim/v2/Users", wrong, null, 401);

      send(
          base,
          "DELETE",
          "/admin/oauth-clients/" + clientId + "/secrets/" + firstId,
          adminToken,
          null,
          204);
      token(base, basic(clientId, first), "grant_type=client_credentials", 401);
      send(base, "GET", "/scim/v2/Users", byBasic, null, 401);

      JarProcess.CommandResult created =
          cli(
              cliOutput,
              "token",
              "create",
              "--name",
              "ops",
              "--scope",
              "admin",
              "--db",
              db.toString());
      String cliToken = created.stdout().strip();
      secrets.add(cliToken);
      send(base, "GET", "/admin/config-changes", cliToken, null, 200);
      cli(cliOutput, "token", "revoke", "ops", "--db", db.toString());
      send(base, "GET", "/scim/v2/Users", cliToken, null, 401);

      JarProcess.CommandResult cliClient =
          cli(
              cliOutput,
              "client",
              "create",
              "--name",
              "okta",
              "--scope",
              "idp",
              "--db",
              db.toString());
      String[] lines = cliClient.stdout().strip().split("\n");
      String cliClientId = lines[0].split("\\s+")[1];
      String cliSecret = lines[1].split("\\s+")[1];
      secrets.add(cliSecret);
      String cliAccess =
          token(base, basic(cliClientId, cliSecret), "grant_type=client_credentials", 200);
      secrets.add(cliAccess);
      send(base, "GET", "/scim/v2/Users", cliAccess, null, 200);
      cli(cliOutput, "client", "list", "--db", db.toString());
      cli(cliOutput, "client", "delete", "okta", "--db", db.toString());
      send(base, "GET", "/scim/v2/Users", cliAccess, null, 401);
      send(base, "DELETE", "/admin/oauth-clients/" + clientId, adminToken, null, 204);
    } finally {
      server.stop();
    }
    String signingKey = signingKey(db);
    secrets.add(signingKey);

    String serverOutput = server.stdout() + server.stderr();
    assertTrue(serverOutput.contains("DEBUG"), "the server logged at DEBUG:\n" + serverOutput);
    for (String secret : secrets) {
      assertFalse(serverOutput.contains(secret), "the server wrote a secret:\n" + serverOutput);
      assertFalse(cliOutput.toString().contains(secret), "the CLI wrote a secret:\n" + cliOutput);
    }
    assertFalse(
        serverOutput.contains(
            Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Base64.getDecoder().decode(signingKey))));
  }

  /** Runs a CLI command; keeps all but what it exists to print (the secret on stdout). */
  private JarProcess.CommandResult cli(StringBuilder output, String... args) {
    JarProcess.CommandResult result = JarProcess.run(dir, args);
    assertEquals(0, result.exitCode(), result.toString());
    output.append(result.stderr());
    if (args[0].equals("client") && args[1].equals("list")) {
      output.append(result.stdout());
    }
    return result;
  }

  private JsonNode send(URI base, String method, String path, String token, String body, int status)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/scim+json");
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(status, response.statusCode(), method + " " + path + ": " + response.body());
    return response.body().isEmpty() ? null : json.readTree(response.body());
  }

  /** {@code POST /oauth/token}; returns the access token when 200. */
  private String token(URI base, String authorization, String form, int status) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/oauth/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(status, response.statusCode(), response.body());
    return status == 200 ? json.readTree(response.body()).get("access_token").asText() : null;
  }

  private static String basic(String clientId, String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private static String signingKey(Path db) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rows =
            connection.createStatement().executeQuery("SELECT key_value FROM signing_keys")) {
      assertTrue(rows.next(), "a signing key was made");
      return rows.getString(1);
    }
  }
}
