package dev.switchboard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import FILE --mode add|sync --url … --token …}: uploads a users CSV to a running server,
 * shows progress until it ends, then the error lines. Exit 0 when every row applied, 1 when any
 * failed, 2 when the import could not run.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import users' licenses from a CSV file into a running server.")
public final class ImportCommand implements Callable<Integer> {
  private static final long POLL_MILLIS = 250;

  @Parameters(paramLabel = "FILE", description = "the CSV file (header row, UTF-8)")
  Path file;

  @Option(
      names = "--mode",
      required = true,
      description = "add (never removes or lowers) or sync (sets exactly what each row says)")
  String mode;

  @Mixin ServerOptions server;

  @Override
  public Integer call() throws InterruptedException {
    if (!Files.isReadable(file)) {
      System.err.println("import: cannot read " + file);
      return 2;
    }
    try {
      AdminClient client = server.client();
      URI location = client.startImport(file, mode);
      ProgressReport progress = new ProgressReport(System.out, System.console() != null);
      JsonNode status = client.get(location);
      while (status.path("state").asText().equals("running")) {
        progress.show(
            status.path("processed").asLong(),
            status.path("total").asLong(),
            status.path("failed").asLong());
        Thread.sleep(POLL_MILLIS);
        status = client.get(location);
      }
      progress.show(
          status.path("processed").asLong(),
          status.path("total").asLong(),
          status.path("failed").asLong());
      progress.end();
      for (JsonNode error : status.path("errors")) {
        System.err.println(
            "line " + error.path("line").asLong() + ": " + error.path("detail").asText());
      }
      System.out.printf(
          "%s: %,d rows applied, %,d failed (import %s)%n",
          status.path("state").asText(),
          status.path("succeeded").asLong(),
          status.path("failed").asLong(),
          status.path("id").asText());
      boolean clean =
          status.path("state").asText().equals("done") && status.path("failed").asLong() == 0;
      return clean ? 0 : 1;
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("import: " + e.getMessage());
      return 2;
    }
  }
}
