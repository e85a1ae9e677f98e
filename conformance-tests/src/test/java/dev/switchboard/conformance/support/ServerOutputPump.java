package dev.switchboard.conformance.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies the server's output to a log file for the whole run (so the pipe never fills), keeps a
 * tail for error messages, and completes {@link #baseUrl} with the URL of the listening line.
 */
final class ServerOutputPump implements Runnable {
  private static final Pattern LISTENING = Pattern.compile("listening on (https?://\\S+?/scim/v2)");
  private static final int OUTPUT_TAIL_LINES = 40;

  private final InputStream output;
  private final Path logFile;
  private final Deque<String> tail = new ArrayDeque<>();
  final CompletableFuture<String> baseUrl = new CompletableFuture<>();

  ServerOutputPump(InputStream output, Path logFile) {
    this.output = output;
    this.logFile = logFile;
  }

  @Override
  public void run() {
    try (BufferedReader reader =
            new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
        PrintWriter log = openLog()) {
      String line;
      while ((line = reader.readLine()) != null) {
        remember(line);
        if (log != null) {
          log.println(line);
          log.flush();
        }
        Matcher matcher = LISTENING.matcher(line);
        if (!baseUrl.isDone() && matcher.find()) {
          baseUrl.complete(matcher.group(1));
        }
      }
    } catch (IOException e) {
      // the process ended
    }
    baseUrl.completeExceptionally(new IllegalStateException("the server process ended"));
  }

  private PrintWriter openLog() {
    try {
      Path parent = logFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return null;
    }
  }

  private synchronized void remember(String line) {
    tail.addLast(line);
    if (tail.size() > OUTPUT_TAIL_LINES) {
      tail.removeFirst();
    }
  }

  synchronized String tail() {
    return String.join("\n", tail);
  }
}
