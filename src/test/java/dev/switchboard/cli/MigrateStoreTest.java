package dev.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.PatchBodies;
import dev.switchboard.TestServer;
import dev.switchboard.TestStores;
import dev.switchboard.http.ServerConfig;
import dev.switchboard.mail.MailSettings;
import dev.switchboard.mail.SmtpSettings;
import dev.switchboard.provisioning.DeliverySchedule;
import dev.switchboard.scim.ScimUrns;
import dev.switchboard.store.Database;
import dev.switchboard.store.StoreLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code migrate-store} run through picocli in this JVM: a store made through the HTTP API on an
 * SQLite file is copied into PostgreSQL, then a server on each answers every read alike, with the
 * same tokens; a target that holds data, or a copy that fails halfway, leaves the target as it was.
 * The PostgreSQL tests need the server {@link TestStores} is given (CI gives it).
 */
class MigrateStoreTest {
  private static final String ADMIN = "Bearer " + TestServer.ADMIN_TOKEN;
  private static final ObjectMapper json = new ObjectMapper();

  /** No webhook is sent while a test reads: a delivery changes the webhook's state. */
  private static final UnaryOperator<ServerConfig> QUIET =
      config ->
          config.withWebhookDelivery(
              DeliverySchedule.DEFAULT.withPollInterval(Duration.ofHours(1)));

  @TempDir Path dir;

  @Test
  void aStoreBuiltThroughTheApiAnswersEveryReadAlikeOnPostgres() {
    requirePostgres();
    StoreLocation.SqliteFile source = sqlite("switchboard.db");
    ApiBuiltStore store;
    try (TestServer server = TestServer.startOn(source, config -> withMail(QUIET.apply(config)))) {
      store = ApiBuiltStore.build(server);
    }
    StoreLocation target = TestStores.at(dir.resolve("postgres"));

    Run run = migrate(source, target);

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("consistent: 5 users and 2 groups checked"), run.out());
    assertFalse(run.out().contains("DIFFERS"), run.out());
    Clock now = Clock.fixed(Instant.now(), ZoneOffset.UTC); // some answers end at "now"
    try (TestServer before = TestServer.serve(source, now, QUIET);
        TestServer after = TestServer.serve(target, now, QUIET)) {
      for (String path : store.reads()) {
        assertEquals(read(before, path), read(after, path), path);
      }
      assertEquals(
          200, after.getRoot(after.base() + "/Users", bearer(TestServer.IDP_TOKEN)).status());
      String issuedBefore = accessToken(before, store);
      assertEquals(200, after.getRoot(after.base() + "/Users", bearer(issuedBefore)).status());
      String issuedAfter = accessToken(after, store);
      assertEquals(200, after.getRoot(after.base() + "/Groups", bearer(issuedAfter)).status());
    }
  }

  @Test
  void aStoreCopiedToPostgresAndBackHoldsTheSameRows() throws SQLException {
    requirePostgres();
    StoreLocation.SqliteFile source = sqlite("switchboard.db");
    try (TestServer server = TestServer.startOn(source, config -> withMail(QUIET.apply(config)))) {
      ApiBuiltStore.build(server);
    }
    StoreLocation postgres = TestStores.at(dir.resolve("postgres"));
    StoreLocation.SqliteFile back = sqlite("back.db");

    assertEquals(0, migrate(source, postgres).exit());
    assertEquals(0, migrate(postgres, back).exit());

    // Every column of every table, also those no answer shows (bodies, hashes, mail facts).
    assertEquals(rows(source), rows(back));
  }

  @Test
  void aTableThisVersionDoesNotKnowStopsTheCopy() throws SQLException {
    StoreLocation.SqliteFile source = sqlite("switchboard.db");
    try (TestServer server = TestServer.startOn(source, QUIET)) {
      server.createUser("ann@example.com");
    }
    try (Connection connection = TestStores.dataSource(source).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE from_the_future (id VARCHAR(36) NOT NULL PRIMARY KEY)");
    }
    StoreLocation target = TestStores.at(dir.resolve("target.db"));

    Run run = migrate(source, target);

    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(
        run.err().contains("the source's table from_the_future is not in the target"), run.err());
    try (TestServer after = TestServer.startOn(target, QUIET)) {
      assertEquals(0, after.get("/Users").body().get("totalResults").asInt());
    }
  }

  @Test
  void aTargetThatHoldsDataIsRefusedAndLeftAsItWas() {
    StoreLocation.SqliteFile source = sqlite("switchboard.db");
    try (TestServer server = TestServer.startOn(source, QUIET)) {
      server.createUser("new@example.com");
    }
    StoreLocation target = TestStores.at(dir.resolve("target.db"));
    try (TestServer server = TestServer.startOn(target, QUIET)) {
      server.createUser("old@example.com");
    }
    List<Object> before = reads(target);

    Run run = migrate(source, target);

    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("the target already holds data ("), run.err());
    assertTrue(run.err().contains("users: 1 row)"), run.err());
    assertEquals(before, reads(target));
  }

  @Test
  void aTargetOnlyTheMigrationsWroteIsFilledTheirSeatPoolsReplaced() {
    StoreLocation.SqliteFile source = sqlite("switchboard.db");
    try (TestServer server = TestServer.startOn(source, QUIET)) {
      server.put("/SeatPools/contactCenter.standard", "{\"capacity\":5}");
      String ann = server.createUser("ann@example.com");
      server.patch(
          "/Users/" + ann,
          PatchBodies.replace(ScimUrns.CONTACT_CENTER_USER + ":license", "\"standard\""));
      server.post("/Users", "{\"userName\":\"bo@example.com\",\"active\":false}");
      server.post("/Sites", "{\"name\":\"Main\"}");
    }
    StoreLocation.SqliteFile target = sqlite("copy.db");
    Database.open(target).close();

    Run run = migrate(source, target);

    assertEquals(0, run.exit(), run.err());
    Clock now = Clock.fixed(Instant.now(), ZoneOffset.UTC); // some answers end at "now"
    try (TestServer before = TestServer.serve(source, now, QUIET);
        TestServer after = TestServer.serve(target, now, QUIET)) {
      for (String path : List.of("/SeatPools", "/Users", "/Sites", "/admin/config-changes")) {
        assertEquals(read(before, path), read(after, path), path);
      }
    }
  }

  @Test
  void aCopyThatFailsHalfwayLeavesTheTargetEmpty() throws SQLException {
    requirePostgres();
    StoreLocation.SqliteFile source = sqlite("switchboard.db");
    try (TestServer server = TestServer.startOn(source, QUIET)) {
      String ann = server.createUser("ann@example.com");
      server.patch(
          "/Users/" + ann,
          PatchBodies.replace(ScimUrns.CONTACT_CENTER_USER + ":license", "\"standard\""));
    }
    // SQLite never checks a VARCHAR's length, PostgreSQL does: the table copied last fails.
    try (Connection connection = TestStores.dataSource(source).getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE welcomed_users SET product = '" + "x".repeat(40) + "'");
    }
    StoreLocation target = TestStores.at(dir.resolve("postgres"));

    Run run = migrate(source, target);

    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("cannot copy welcomed_users"), run.err());
    try (TestServer after = TestServer.startOn(target, QUIET)) {
      assertEquals(0, after.get("/Users").body().get("totalResults").asInt());
    }
  }

  private record Run(int exit, String out, String err) {}

  /** Every row of every table of an SQLite store but Flyway's, as text, sorted, by table. */
  private static Map<String, List<String>> rows(StoreLocation.SqliteFile store)
      throws SQLException {
    Map<String, List<String>> tables = new TreeMap<>();
    try (Connection connection = TestStores.dataSource(store).getConnection();
        Statement statement = connection.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT name FROM sqlite_master WHERE type = 'table'"
                  + " AND name NOT LIKE 'sqlite_%' AND name <> 'flyway_schema_history'")) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      for (String name : names) {
        List<String> lines = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT * FROM " + name)) {
          while (rows.next()) {
            List<String> values = new ArrayList<>();
            for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
              values.add(rows.getMetaData().getColumnName(column) + "=" + rows.getString(column));
            }
            lines.add(String.join(", ", values));
          }
        }
        lines.sort(null);
        tables.put(name, lines);
      }
    }
    assertTrue(tables.get("mail_outbox").size() > 0, "the store has welcome mails");
    return tables;
  }

  private static Run migrate(StoreLocation from, StoreLocation to) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        new CommandLine(new ServeCommand())
            .setCaseInsensitiveEnumValuesAllowed(true) // as Main runs it
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute("migrate-store", "--from", argument(from), "--to", argument(to));
    return new Run(exit, out.toString(), err.toString());
  }

  /** What {@code --from} or {@code --to} says for {@code location}, credentials in the URL. */
  private static String argument(StoreLocation location) {
    if (location instanceof StoreLocation.Postgres postgres) {
      return postgres.url()
          + "&user="
          + URLEncoder.encode(postgres.user(), StandardCharsets.UTF_8)
          + "&password="
          + URLEncoder.encode(postgres.password(), StandardCharsets.UTF_8);
    }
    return ((StoreLocation.SqliteFile) location).file().toString();
  }

  /** A GET's answer, with this server's own address (in {@code meta.location}) taken out. */
  private static Object read(TestServer server, String path) {
    TestServer.Reply reply =
        path.startsWith("/admin/") ? server.getRoot(path, ADMIN) : server.get(path);
    assertEquals(200, reply.status(), path + ": " + reply.raw().body());
    String body = reply.raw().body().replace(server.base().resolve("/").toString(), "BASE/");
    if (!reply.header("Content-Type").contains("json")) {
      return body;
    }
    try {
      JsonNode parsed = json.readTree(body);
      if (parsed.has("totalResults")) {
        assertTrue(parsed.get("totalResults").asInt() > 0, path + " lists nothing: " + body);
      }
      return parsed;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Object> reads(StoreLocation location) {
    try (TestServer server = TestServer.serve(location, Clock.systemUTC(), QUIET)) {
      return List.of(
          read(server, "/Users"),
          read(server, "/SeatPools"),
          read(server, "/admin/config-changes"));
    }
  }

  /** An access token from {@code server} for the OAuth client the store was built with. */
  private static String accessToken(TestServer server, ApiBuiltStore store) {
    String credentials = store.clientId() + ":" + store.clientSecret();
    TestServer.Reply reply =
        server.sendRoot(
            "POST",
            "/oauth/token",
            "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8),
            "application/x-www-form-urlencoded",
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    assertEquals(200, reply.status(), reply.raw().body());
    return reply.body().get("access_token").asText();
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  private StoreLocation.SqliteFile sqlite(String name) {
    return new StoreLocation.SqliteFile(dir.resolve(name));
  }

  /** Welcome mails on, to a port nobody listens on: they are queued and never delivered. */
  private static ServerConfig withMail(ServerConfig config) {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return config.withMail(
          MailSettings.smtp(
              SmtpSettings.plain(
                  "127.0.0.1", socket.getLocalPort(), "Switchboard <noreply@switchboard.test>")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requirePostgres() {
    assumeTrue(
        TestStores.onPostgres(),
        "migrate-store's target is PostgreSQL: run with -D"
            + TestStores.POSTGRES_PROPERTY
            + "=jdbc:postgresql://HOST:PORT/DB and its user and password properties");
  }
}
