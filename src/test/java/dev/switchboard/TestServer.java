package dev.switchboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.http.ServerConfig;
import dev.switchboard.http.SwitchboardServer;
import dev.switchboard.provisioning.Scope;
import dev.switchboard.provisioning.StoreCheck;
import dev.switchboard.provisioning.TokenService;
import dev.switchboard.store.Database;
import dev.switchboard.store.StoreLocation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * The real server (Grizzly + Jersey, on SQLite or PostgreSQL as {@link TestStores} says) on a free
 * loopback port with a fresh database, and a small HTTP client for it. One per test class; close it
 * after.
 */
public final class TestServer implements ScimClient, AutoCloseable {
  public static final String ADMIN_TOKEN = "test-admin-token";
  public static final String IDP_TOKEN = "test-idp-token";
  private static final ObjectMapper json = new ObjectMapper();

  private final Database database;
  private final SwitchboardServer server;
  // HTTP/1.1 as IdPs speak it: the JDK client's h2c upgrade, sent by many threads at once,
  // sometimes gets no answer from Grizzly (seen in the rate-limit and race tests).
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private TestServer(Database database) {
    this(database, Clock.systemUTC());
  }

  private TestServer(Database database, Clock clock) {
    this(database, clock, UnaryOperator.identity());
  }

  private TestServer(Database database, Clock clock, UnaryOperator<ServerConfig> config) {
    this(database, clock, config, true);
  }

  private TestServer(
      Database database, Clock clock, UnaryOperator<ServerConfig> config, boolean registerTokens) {
    this.database = database;
    if (registerTokens) {
      TokenService tokens = new TokenService(database, Clock.systemUTC());
      tokens.register("test-admin", Scope.ADMIN, ADMIN_TOKEN);
      tokens.register("test-idp", Scope.IDP, IDP_TOKEN);
    }
    this.server = SwitchboardServer.start(config.apply(ServerConfig.loopback(0)), database, clock);
  }

  /**
   * Starts on {@code location} itself, with {@code config} applied to the loopback settings: for a
   * test that needs a store on a given engine whatever {@link TestStores} says.
   */
  public static TestServer startOn(StoreLocation location, UnaryOperator<ServerConfig> config) {
    return new TestServer(Database.open(location), Clock.systemUTC(), config);
  }

  /**
   * Serves the store at {@code location} as it is, on {@code clock}: registers no tokens (each
   * registration is a change of its own), so servers on two copies of one store, on one fixed
   * clock, answer alike. The store must hold {@link #ADMIN_TOKEN} already for this class's client
   * to be let in.
   */
  public static TestServer serve(
      StoreLocation location, Clock clock, UnaryOperator<ServerConfig> config) {
    return new TestServer(Database.open(location), clock, config, false);
  }

  /** Starts with {@code config} applied to the loopback settings (e.g. {@code withMail}). */
  public static TestServer startWith(UnaryOperator<ServerConfig> config) {
    return new TestServer(Database.open(TestStores.fresh()), Clock.systemUTC(), config);
  }

  /**
   * Starts (or restarts) on the store for {@code db} ({@link TestStores#at}), on {@code clock},
   * with {@code config}.
   */
  public static TestServer startWith(Path db, Clock clock, UnaryOperator<ServerConfig> config) {
    return new TestServer(Database.open(TestStores.at(db)), clock, config);
  }

  /** Makes one delivery attempt at each welcome email due now; returns how many went. */
  public int deliverMail() {
    return server.deliverMailNow();
  }

  public static TestServer start() {
    return start(UnaryOperator.identity());
  }

  /** Starts on {@code clock}, so a test can move time past holds and cooldowns. */
  public static TestServer startAt(Clock clock) {
    return new TestServer(Database.open(TestStores.fresh()), clock);
  }

  /**
   * Starts as {@code config} says (give port 0) on {@code clock}. With TLS, {@link #base} is https
   * and this class's own client does not trust it: send with one that does.
   */
  public static TestServer startWith(ServerConfig config, Clock clock) {
    return new TestServer(Database.open(TestStores.fresh()), clock, defaults -> config);
  }

  /**
   * Starts (or restarts) on the store for {@code db} ({@link TestStores#at}): what a server finds
   * after a stop.
   */
  public static TestServer startOn(Path db) {
    return new TestServer(Database.open(TestStores.at(db)));
  }

  /**
   * Starts (or restarts) on the store for {@code db} ({@link TestStores#at}) with {@code clock} and
   * {@code config}.
   */
  public static TestServer startOn(Path db, Clock clock, ServerConfig config) {
    return startWith(db, clock, defaults -> config);
  }

  /** Sends every due webhook delivery now and returns when done. */
  public void deliverWebhooks() {
    try {
      server.deliverNow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs the hold/cooldown sweep now. */
  public void sweep() {
    server.sweepNow();
  }

  /** Starts with every store connection wrapped (to count the work requests do). */
  public static TestServer start(UnaryOperator<DataSource> decorator) {
    return new TestServer(Database.open(TestStores.fresh(), decorator));
  }

  public URI base() {
    return server.scimBase();
  }

  /** A response with its body parsed (null when empty or not JSON). */
  public record Reply(int status, HttpResponse<String> raw, JsonNode body) {
    /** The reply for {@code response}, its body parsed as JSON when it is. */
    public static Reply of(HttpResponse<String> response) {
      return new Reply(response.statusCode(), response, parse(response.body()));
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  @Override
  public Reply send(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        request(method, path, body, "Bearer " + ADMIN_TOKEN, "application/scim+json");
    headers.forEach(request::header);
    return send(request);
  }

  public Reply send(
      String method, String path, String body, String authorization, String contentType) {
    return send(request(method, path, body, authorization, contentType));
  }

  private HttpRequest.Builder request(
      String method, String path, String body, String authorization, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body != null && contentType != null) {
      request.header("Content-Type", contentType);
    }
    return request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
  }

  /** Sends raw bytes to a path under the server root (e.g. {@code /admin/imports}) as admin. */
  public Reply sendRoot(String method, String rootPath, byte[] body, String contentType) {
    return sendRoot(method, rootPath, body, contentType, "Bearer " + ADMIN_TOKEN);
  }

  /** As above with {@code authorization} (null: none); a null body sends none. */
  public Reply sendRoot(
      String method, String rootPath, byte[] body, String contentType, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base().resolve(rootPath))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (body != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  /** GETs a path under the server root (or an absolute URL) with {@code authorization}. */
  public Reply getRoot(String rootPathOrUrl, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(rootPathOrUrl)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      return Reply.of(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends {@code head} (request line and headers, CRLF-separated) as raw bytes; returns all. */
  public String raw(String head) {
    try (java.net.Socket socket = new java.net.Socket(base().getHost(), base().getPort())) {
      socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return new String(
          socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Database database() {
    return database;
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return json.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Stops the server, then runs the invariant checker on what every test left behind: each HTTP
   * test is also a check that its requests kept the store consistent.
   */
  @Override
  public void close() {
    server.close();
    try {
      StoreCheck.Report report = new StoreCheck(database).run();
      if (!report.consistent()) {
        throw new AssertionError("the store is inconsistent after this test: " + report.problems());
      }
    } finally {
      database.close();
    }
  }

  /** Closes without the invariant check: for tests that damage the store on purpose. */
  public void closeUnchecked() {
    server.close();
    database.close();
  }
}
