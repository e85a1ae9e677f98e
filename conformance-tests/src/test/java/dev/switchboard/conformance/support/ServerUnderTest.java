package dev.switchboard.conformance.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The Switchboard server every test talks to, found once per JVM.
 *
 * <p>With the system properties {@code switchboard.baseUrl} and {@code switchboard.token} (an
 * admin-scope token; {@code switchboard.idpToken} optionally adds an idp one) it uses that server.
 * Otherwise it starts the real jar ({@code switchboard.jar}) on a free port with a fresh SQLite
 * file and random tokens, waits for its {@code listening on …} line, and stops it when the JVM
 * exits.
 *
 * <p>Thread-safe: {@link #get()} starts the server lazily, at most once; a failed start is
 * remembered so that every later test fails fast with the same cause.
 */
public final class ServerUnderTest {

  public static final String BASE_URL_PROPERTY = "switchboard.baseUrl";
  public static final String TOKEN_PROPERTY = "switchboard.token";
  public static final String IDP_TOKEN_PROPERTY = "switchboard.idpToken";
  public static final String JAR_PROPERTY = "switchboard.jar";
  public static final String SERVER_LOG_PROPERTY = "switchboard.serverLog";

  private static final String SCIM_PATH = "/scim/v2";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  private static ServerUnderTest instance;
  private static RuntimeException startFailure;

  private final URI baseUrl;
  private final String adminToken;
  private final String idpToken;

  private ServerUnderTest(String baseUrl, String adminToken, String idpToken) {
    this.baseUrl = URI.create(stripTrailingSlash(baseUrl));
    this.adminToken = adminToken;
    this.idpToken = idpToken;
  }

  /** The server, started on first use. */
  public static synchronized ServerUnderTest get() {
    if (startFailure != null) {
      throw startFailure;
    }
    if (instance == null) {
      try {
        instance = locate();
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return instance;
  }

  /** The SCIM base URL without a trailing slash, e.g. {@code http://127.0.0.1:41234/scim/v2}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The server root (the base URL without {@code /scim/v2}), where {@code /healthz} lives. */
  public URI root() {
    String base = baseUrl.toString();
    return URI.create(
        base.endsWith(SCIM_PATH) ? base.substring(0, base.length() - SCIM_PATH.length()) : base);
  }

  /** A token of scope {@code admin}. */
  public String adminToken() {
    return adminToken;
  }

  /** A token of scope {@code idp}, or null when an external server was named without one. */
  public String idpToken() {
    return idpToken;
  }

  private static ServerUnderTest locate() {
    String baseUrl = property(BASE_URL_PROPERTY);
    if (baseUrl != null) {
      String token = property(TOKEN_PROPERTY);
      if (token == null) {
        throw new IllegalStateException(
            "-D"
                + BASE_URL_PROPERTY
                + " is set but -D"
                + TOKEN_PROPERTY
                + " (an admin token) is not");
      }
      return new ServerUnderTest(baseUrl, token, property(IDP_TOKEN_PROPERTY));
    }
    try {
      return startJar();
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the Switchboard jar: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting the Switchboard jar", e);
    }
  }

  private static ServerUnderTest startJar() throws IOException, InterruptedException {
    Path jar =
        Path.of(System.getProperty(JAR_PROPERTY, "../target/switchboard.jar"))
            .toAbsolutePath()
            .normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "No server jar at "
              + jar
              + ". Build it first (mvn -B package in the"
              + " project root), or point -D"
              + BASE_URL_PROPERTY
              + " and -D"
              + TOKEN_PROPERTY
              + " at a running server.");
    }
    Path dataDir = Files.createTempDirectory("switchboard-conformance-");
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
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stop(process, dataDir), "switchboard-stop"));

    ServerOutputPump pump = new ServerOutputPump(process.getInputStream(), serverLog());
    Thread pumpThread = new Thread(pump, "switchboard-output");
    pumpThread.setDaemon(true);
    pumpThread.start();
    String baseUrl;
    try {
      baseUrl = pump.baseUrl.get(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "The server exited with code "
              + process.waitFor()
              + " before printing 'listening on http://HOST:PORT/scim/v2'. Its last output:\n"
              + pump.tail(),
          e);
    } catch (TimeoutException e) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "The server printed no 'listening on http://HOST:PORT/scim/v2' line within "
              + STARTUP_TIMEOUT.toSeconds()
              + " s. Its last output:\n"
              + pump.tail(),
          e);
    }
    ServerUnderTest server = new ServerUnderTest(baseUrl, adminToken, idpToken);
    server.awaitHealthy(process, pump);
    return server;
  }

  /**
   * The listening line may come a moment before the store answers; wait for /healthz as a client
   * would.
   */
  private void awaitHealthy(Process process, ServerOutputPump pump) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(root() + "/healthz"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      try {
        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not accepting connections yet
      }
      Thread.sleep(200);
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        "GET /healthz never answered 200. The server's last output:\n" + pump.tail());
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

  private static Path serverLog() {
    return Path.of(System.getProperty(SERVER_LOG_PROPERTY, "target/switchboard-server.log"));
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
