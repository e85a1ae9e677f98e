package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as an operator meets it (api.md "Running it", "Scopes"): the listening line, health, the
 * {@code token} commands against the same SQLite file as a server, and scope enforcement.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CommandLineIT {
  private static final ObjectMapper json = new ObjectMapper();
  private static final Pattern LISTENING_LINE =
      Pattern.compile("(?m)^listening on http://[^\\s:]+:\\d+/scim/v2$");

  @TempDir Path dir;

  private Path db() {
    return dir.resolve("switchboard.db");
  }

  @Test
  void serverPrintsListeningLineAndHealthzAnswers200() throws Exception {
    try (JarProcess server = JarProcess.start(db(), Map.of())) {
      assertTrue(LISTENING_LINE.matcher(server.stdout()).find(), server.stdout());
      assertNotEquals(0, server.scimBase().getPort());

      HttpResponse<String> health = server.send("GET", "/healthz", null, null);

      assertEquals(200, health.statusCode(), health.body());
    }
  }

  @Test
  void aPostgresThatCannotBeReachedStopsTheStartInOneLineWithoutThePassword() {
    JarProcess.CommandResult refused =
        JarProcess.run(
            db().getParent(),
            Map.of(
                "SWITCHBOARD_DB_USER", "switchboard", "SWITCHBOARD_DB_PASSWORD", "hunter2-secret"),
            "--port",
            "0",
            "--db",
            "jdbc:postgresql://127.0.0.1:1/switchboard");

    assertEquals(1, refused.exitCode(), refused.toString());
    assertTrue(
        refused
            .stderr()
            .startsWith(
                "switchboard: cannot connect to PostgreSQL at"
                    + " jdbc:postgresql://127.0.0.1:1/switchboard as switchboard: "),
        refused.toString());
    assertFalse(
        (refused.stdout() + refused.stderr()).contains("hunter2-secret"), refused.toString());
  }

  @Test
  void tokenCreatePrintsATokenThatAuthenticates() throws Exception {
    String token = createToken("ops", "admin");

    try (JarProcess server = JarProcess.start(db(), Map.of())) {
      assertEquals(200, server.send("GET", "/scim/v2/Users", token, null).statusCode());

      HttpResponse<String> anonymous = server.send("GET", "/scim/v2/Users", null, null);
      assertEquals(401, anonymous.statusCode(), anonymous.body());
      String challenge = anonymous.headers().firstValue("WWW-Authenticate").orElse("");
      assertTrue(challenge.startsWith("Bearer"), "WWW-Authenticate: " + challenge);
    }
  }

  @Test
  void tokenListShowsNamesAndScopesButNeverSecrets() {
    String opsToken = createToken("ops", "admin");
    String entraToken = createToken("entra", "idp");

    JarProcess.CommandResult list = cli("token", "list", "--db", db().toString());

    assertEquals(0, list.exitCode(), list.toString());
    assertTrue(
        Pattern.compile("(?m)^ops\\s+admin\\s").matcher(list.stdout()).find(), list.toString());
    assertTrue(
        Pattern.compile("(?m)^entra\\s+idp\\s").matcher(list.stdout()).find(), list.toString());
    String everything = list.stdout() + list.stderr();
    assertFalse(everything.contains(opsToken), "token list printed a secret:\n" + list);
    assertFalse(everything.contains(entraToken), "token list printed a secret:\n" + list);
  }

  @Test
  void revokedTokenIsRefusedByARunningServer() throws Exception {
    try (JarProcess server = JarProcess.start(db(), Map.of())) {
      String token = createToken("okta", "idp");
      assertEquals(200, server.send("GET", "/scim/v2/Users", token, null).statusCode());

      JarProcess.CommandResult revoke = cli("token", "revoke", "okta", "--db", db().toString());
      assertEquals(0, revoke.exitCode(), revoke.toString());

      HttpResponse<String> refused = server.send("GET", "/scim/v2/Users", token, null);
      assertEquals(401, refused.statusCode(), refused.body());
      assertTrue(refused.headers().firstValue("WWW-Authenticate").isPresent());
    }
  }

  @Test
  void idpTokenCannotUseAdminRoutes() throws Exception {
    String adminToken = "admin-" + UUID.randomUUID();
    String idpToken = "idp-" + UUID.randomUUID();
    Map<String, String> env =
        Map.of("SWITCHBOARD_ADMIN_TOKEN", adminToken, "SWITCHBOARD_IDP_TOKEN", idpToken);
    try (JarProcess server = JarProcess.start(db(), env)) {
      HttpResponse<String> forbidden = server.send("GET", "/scim/v2/AuditEvents", idpToken, null);
      assertEquals(403, forbidden.statusCode(), forbidden.body());
      JsonNode error = json.readTree(forbidden.body());
      assertEquals(
          "urn:ietf:params:scim:api:messages:2.0:Error",
          error.path("schemas").path(0).asText(),
          forbidden.body());
      assertEquals("403", error.path("status").asText(), forbidden.body());
      assertTrue(error.path("status").isTextual(), "status must be a string: " + forbidden.body());

      HttpResponse<String> allowed = server.send("GET", "/scim/v2/AuditEvents", adminToken, null);
      assertEquals(200, allowed.statusCode(), allowed.body());
      assertTrue(allowed.body().contains("ListResponse"), allowed.body());

      assertEquals(200, server.send("GET", "/scim/v2/Users", idpToken, null).statusCode());
    }
  }

  @Test
  void badScopeIsRefused() {
    JarProcess.CommandResult create =
        cli("token", "create", "--name", "x", "--scope", "root", "--db", db().toString());

    assertNotEquals(0, create.exitCode(), create.toString());
    assertTrue(create.stdout().isBlank(), "no token may be printed:\n" + create);
    JarProcess.CommandResult list = cli("token", "list", "--db", db().toString());
    assertEquals(0, list.exitCode(), list.toString());
    assertFalse(Pattern.compile("(?m)^x\\s").matcher(list.stdout()).find(), list.toString());
  }

  @Test
  void secretsAreNeverLogged() throws Exception {
    String secret = "secret-" + UUID.randomUUID();
    JarProcess server = JarProcess.start(db(), Map.of("SWITCHBOARD_ADMIN_TOKEN", secret));
    try {
      assertEquals(200, server.send("GET", "/scim/v2/Users", secret, null).statusCode());
      server.send("POST", "/scim/v2/Users", secret, "{not json"); // error paths log the most
      assertEquals(401, server.send("GET", "/scim/v2/Users", null, null).statusCode());
      assertEquals(401, server.send("GET", "/scim/v2/Users", secret + "x", null).statusCode());
    } finally {
      server.stop();
    }

    assertFalse(server.stdout().contains(secret), "stdout:\n" + server.stdout());
    assertFalse(server.stderr().contains(secret), "stderr:\n" + server.stderr());
  }

  /** {@code token create} against this test's database; returns the printed token. */
  private String createToken(String name, String scope) {
    JarProcess.CommandResult create =
        cli("token", "create", "--name", name, "--scope", scope, "--db", db().toString());
    assertEquals(0, create.exitCode(), create.toString());
    String token = create.stdout().strip();
    assertFalse(
        token.isEmpty() || token.contains("\n"),
        "expected exactly one line, the token:\n" + create);
    return token;
  }

  private JarProcess.CommandResult cli(String... args) {
    return JarProcess.run(dir, args);
  }
}
