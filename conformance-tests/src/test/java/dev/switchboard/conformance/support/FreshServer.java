package dev.switchboard.conformance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A Switchboard server of one's own: the real jar on a free port with a fresh SQLite file and
 * random tokens, for test classes whose assertions depend on global state (seat capacities, the
 * lowest free agent id) and so cannot share {@link ServerUnderTest}'s server with the rest of the
 * suite.
 *
 * <p>Finds the jar as {@link ServerUnderTest} does (system property {@code switchboard.jar},
 * default {@code ../target/switchboard.jar}); it always starts the jar, also when {@code
 * switchboard.baseUrl} names a running server. Start it in {@code @BeforeAll}, close it in
 * {@code @AfterAll}; a JVM shutdown hook stops it if a class forgets. The server's output goes to
 * {@code switchboard-<name>.log} next to {@code switchboard.serverLog}.
 *
 * <p>{@link ScimClient} always talks to {@link ServerUnderTest}'s base URL, so this class carries
 * its own minimal {@link Client}, which answers with the suite's {@link ScimResponse} (so {@link
 * ScimAssertions} apply unchanged).
 */
public final class FreshServer implements AutoCloseable {

  private static final String SCIM_PATH = "/scim/v2";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final Process process;
  private final Path dataDir;
  private final Thread shutdownHook;
  private final URI baseUrl;
  private final String adminToken;
  private final String idpToken;
  private boolean closed;

  private FreshServer(
      Process process,
      Path dataDir,
      Thread shutdownHook,
      String baseUrl,
      String adminToken,
      String idpToken) {
    this.process = process;
    this.dataDir = dataDir;
    this.shutdownHook = shutdownHook;
    this.baseUrl =
        URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
    this.adminToken = adminToken;
    this.idpToken = idpToken;
  }

  /**
   * Starts a new server and waits (up to 60 s) for its {@code listening on …} line and for {@code
   * GET /healthz} to answer 200. {@code name} (e.g. the test class's simple name) names its log.
   */
  public static FreshServer start(String name) {
    try {
      return startJar(name);
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the Switchboard jar: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting the Switchboard jar", e);
    }
  }

  /** The SCIM base URL without a trailing slash, e.g. {@code http://127.0.0.1:41234/scim/v2}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The server root (the base URL without {@code /scim/v2}). */
  public URI root() {
    String base = baseUrl.toString();
    return URI.create(
        base.endsWith(SCIM_PATH) ? base.substring(0, base.length() - SCIM_PATH.length()) : base);
  }

  /** The value of {@code SWITCHBOARD_ADMIN_TOKEN} this server was started with. */
  public String adminToken() {
    return adminToken;
  }

  /** The value of {@code SWITCHBOARD_IDP_TOKEN} this server was started with. */
  public String idpToken() {
    return idpToken;
  }

  /** A client sending the admin token as {@code Bearer}. */
  public Client admin() {
    return new Client("Bearer " + adminToken);
  }

  /** A client sending the idp token as {@code Bearer}. */
  public Client idp() {
    return new Client("Bearer " + idpToken);
  }

  /** A client sending no {@code Authorization} header. */
  public Client anonymous() {
    return new Client(null);
  }

  /** Stops the server and deletes its data directory. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook does the same work
    }
    stop(process, dataDir);
  }

  private static FreshServer startJar(String name) throws IOException, InterruptedException {
    Path jar =
        Path.of(System.getProperty(ServerUnderTest.JAR_PROPERTY, "../target/switchboard.jar"))
            .toAbsolutePath()
            .normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "No server jar at "
              + jar
              + ". Build it first (mvn -B package in the project root), or name it with -D"
              + ServerUnderTest.JAR_PROPERTY
              + ". This test class needs a server of its own and cannot use -D"
              + ServerUnderTest.BASE_URL_PROPERTY
              + ".");
    }
    Path dataDir = Files.createTempDirectory("switchboard-fresh-");
    String adminToken = randomToken();
    String idpToken = randomToken();
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            jar.toString(),
            "--port",
            "0",
            "--host",
            "127.0.0.1",
            "--db",
            dataDir.resolve("switchboard.db").toString());
    builder.environment().put("SWITCHBOARD_ADMIN_TOKEN", adminToken);
    builder.environment().put("SWITCHBOARD_IDP_TOKEN", idpToken);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    Thread hook = new Thread(() -> stop(process, dataDir), "switchboard-fresh-stop-" + name);
    Runtime.getRuntime().addShutdownHook(hook);

    ServerOutputPump pump = new ServerOutputPump(process.getInputStream(), logFile(name));
    Thread pumpThread = new Thread(pump, "switchboard-fresh-output-" + name);
    pumpThread.setDaemon(true);
    pumpThread.start();
    String baseUrl;
    try {
      baseUrl = pump.baseUrl.get(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      int code = process.waitFor();
      discard(hook, process, dataDir);
      throw new IllegalStateException(
          "The server exited with code "
              + code
              + " before printing 'listening on http://HOST:PORT/scim/v2'. Its last output:\n"
              + pump.tail(),
          e);
    } catch (TimeoutException e) {
      discard(hook, process, dataDir);
      throw new IllegalStateException(
          "The server printed no 'listening on http://HOST:PORT/scim/v2' line within "
              + STARTUP_TIMEOUT.toSeconds()
              + " s. Its last output:\n"
              + pump.tail(),
          e);
    }
    FreshServer server = new FreshServer(process, dataDir, hook, baseUrl, adminToken, idpToken);
    try {
      server.awaitHealthy(pump);
    } catch (RuntimeException | InterruptedException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void awaitHealthy(ServerOutputPump pump) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(root() + "/healthz"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      try {
        if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not accepting connections yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "GET /healthz never answered 200. The server's last output:\n" + pump.tail());
  }

  private static void discard(Thread hook, Process process, Path dataDir) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down already
    }
    stop(process, dataDir);
  }

  private static void stop(Process process, Path dataDir) {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }

  private static Path logFile(String name) {
    Path suiteLog =
        Path.of(
                System.getProperty(
                    ServerUnderTest.SERVER_LOG_PROPERTY, "target/switchboard-server.log"))
            .toAbsolutePath();
    Path dir = suiteLog.getParent() == null ? Path.of(".") : suiteLog.getParent();
    return dir.resolve("switchboard-" + name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".log");
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Speaks HTTP to this server with one {@code Authorization} header value. Paths are relative to
   * the SCIM base URL and may carry an already-encoded query ({@link Query}). Immutable and
   * thread-safe.
   */
  public final class Client {
    private final String authorization;

    private Client(String authorization) {
      this.authorization = authorization;
    }

    public ScimResponse get(String path) {
      return send("GET", path, null);
    }

    public ScimResponse post(String path, String json) {
      return send("POST", path, json);
    }

    public ScimResponse put(String path, String json) {
      return send("PUT", path, json);
    }

    public ScimResponse patch(String path, String json) {
      return send("PATCH", path, json);
    }

    public ScimResponse delete(String path) {
      return send("DELETE", path, null);
    }

    /**
     * Sends {@code method} to {@code path} under the SCIM base URL, with a SCIM JSON body if any.
     */
    public ScimResponse send(String method, String path, String json) {
      URI uri = URI.create(baseUrl + path);
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(uri)
              .timeout(REQUEST_TIMEOUT)
              .header("Accept", ScimClient.SCIM_JSON)
              .method(
                  method,
                  json == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
      if (json != null) {
        builder.header("Content-Type", ScimClient.SCIM_JSON);
      }
      if (authorization != null) {
        builder.header("Authorization", authorization);
      }
      try {
        HttpResponse<String> response =
            HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new ScimResponse(
            method + " " + uri, response.statusCode(), response.headers(), response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(method + " " + uri + " failed: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted during " + method + " " + uri, e);
      }
    }
  }
}
