package dev.switchboard.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar ({@code -Dswitchboard.jar}, else {@code target/switchboard.jar}) as a child
 * process, spoken to only through its command line, its output and HTTP: a serving process ({@link
 * #start}) or one CLI command ({@link #run}). Children inherit no {@code SWITCHBOARD_*} variable
 * from the caller's environment, so each test states all of its configuration. A serving instance
 * is used by one test thread at a time, except {@link #send}, which is thread-safe.
 */
public final class JarProcess implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final Duration COMMAND = Duration.ofSeconds(60);
  private static final Duration REQUEST = Duration.ofSeconds(15);
  private static final Pattern LISTENING = Pattern.compile("listening on (https?://\\S+)");

  private final Process process;
  private final StringBuffer stdout = new StringBuffer();
  private final StringBuffer stderr = new StringBuffer();
  private final Thread stdoutPump;
  private final Thread stderrPump;
  private final CompletableFuture<URI> listening = new CompletableFuture<>();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(REQUEST).build();
  private URI scimBase;

  /** What one CLI command did. */
  public record CommandResult(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
  }

  private JarProcess(Process process) {
    this.process = process;
    this.stdoutPump = pump(process.getInputStream(), stdout, true);
    this.stderrPump = pump(process.getErrorStream(), stderr, false);
  }

  /**
   * Starts {@code java -jar switchboard.jar --port 0 --db DB ARGS…} with {@code env} added, in the
   * database's directory, and waits for its listening line.
   */
  public static JarProcess start(Path db, Map<String, String> env, String... args) {
    return start(db.toString(), db.toAbsolutePath().getParent(), env, args);
  }

  /**
   * Starts {@code java -jar switchboard.jar --port 0 --db DB ARGS…} with {@code env} added, in
   * {@code workingDirectory}, and waits for its listening line: for a {@code jdbc:postgresql://}
   * store (credentials in {@code env}).
   */
  public static JarProcess start(
      String db, Path workingDirectory, Map<String, String> env, String... args) {
    List<String> command = javaJar();
    command.addAll(List.of("--port", "0", "--db", db));
    command.addAll(List.of(args));
    JarProcess jar = new JarProcess(launch(command, workingDirectory, env));
    jar.awaitListening();
    return jar;
  }

  /** Runs {@code java -jar switchboard.jar ARGS…} in {@code workingDirectory} to its end. */
  public static CommandResult run(Path workingDirectory, String... args) {
    return run(workingDirectory, Map.of(), args);
  }

  /** As {@link #run(Path, String...)} with {@code env} added to the command's environment. */
  public static CommandResult run(Path workingDirectory, Map<String, String> env, String... args) {
    List<String> command = javaJar();
    command.addAll(List.of(args));
    JarProcess jar = new JarProcess(launch(command, workingDirectory, env));
    try {
      if (!jar.process.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)) {
        jar.kill();
        throw new AssertionError(
            "'"
                + String.join(" ", args)
                + "' did not finish within "
                + COMMAND
                + "\n"
                + jar.stdout()
                + jar.stderr());
      }
      jar.drain();
      return new CommandResult(jar.process.exitValue(), jar.stdout(), jar.stderr());
    } catch (InterruptedException e) {
      jar.kill();
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The SCIM base printed on the listening line, e.g. {@code http://127.0.0.1:41234/scim/v2}. */
  public URI scimBase() {
    return scimBase;
  }

  /** Sends a request to {@code path} (absolute, e.g. {@code /healthz}); null token = none. */
  public HttpResponse<String> send(String method, String path, String token, String body)
      throws IOException, InterruptedException {
    return send(method, path, token, body, Map.of());
  }

  /** As above, with {@code headers} added (e.g. {@code If-Match}). */
  public HttpResponse<String> send(
      String method, String path, String token, String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(scimBase.resolve(path))
            .timeout(REQUEST)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/scim+json");
    }
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Stops as an operator would (SIGTERM: shutdown hooks run), waiting for the exit. */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
        throw new AssertionError("the server did not stop within 30 s of SIGTERM");
      }
    } catch (InterruptedException e) {
      kill();
      Thread.currentThread().interrupt();
    }
    drain();
  }

  /** Crashes the process (SIGKILL: no shutdown hook, nothing flushed) and waits for it. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    drain();
  }

  /** Everything the process has written to stdout so far. */
  public String stdout() {
    return stdout.toString();
  }

  /** Everything the process has written to stderr so far. */
  public String stderr() {
    return stderr.toString();
  }

  /** Kills the process if it is still running (try-with-resources and cleanup paths). */
  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  private void awaitListening() {
    try {
      scimBase = listening.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      kill();
      throw new AssertionError(
          "no 'listening on' line within "
              + STARTUP
              + "\n--- stdout ---\n"
              + stdout()
              + "\n--- stderr ---\n"
              + stderr(),
          e);
    } catch (InterruptedException e) {
      kill();
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the server", e);
    }
  }

  private Thread pump(InputStream stream, StringBuffer sink, boolean watchForListening) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  sink.append(line).append('\n');
                  Matcher matcher = LISTENING.matcher(line);
                  if (watchForListening && matcher.find()) {
                    listening.complete(URI.create(matcher.group(1)));
                  }
                }
              } catch (IOException e) {
                sink.append("[output unreadable: ").append(e).append("]\n");
              } finally {
                listening.completeExceptionally(new IllegalStateException("the process ended"));
              }
            },
            "jar-output-pump");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Waits for both pumps to reach the end of the (dead) process's output. */
  private void drain() {
    try {
      stdoutPump.join(10_000);
      stderrPump.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Process launch(
      List<String> command, Path workingDirectory, Map<String, String> env) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("SWITCHBOARD_"));
    builder.environment().putAll(env);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  private static List<String> javaJar() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path jar =
        Path.of(System.getProperty("switchboard.jar", "target/switchboard.jar")).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError(jar + " is missing; build it with 'mvn -B -q package -DskipTests'");
    }
    return new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
  }
}
