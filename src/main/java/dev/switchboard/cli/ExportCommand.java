package dev.switchboard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code export --url … --token … > users.csv}: streams the users CSV to standard output. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Write every user's licenses as CSV to standard output.")
public final class ExportCommand implements Callable<Integer> {
  @Mixin ServerOptions server;

  @Override
  public Integer call() throws InterruptedException {
    try (InputStream csv = server.client().export()) {
      csv.transferTo(System.out);
      System.out.flush();
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("export: " + e.getMessage());
      return 2;
    }
  }
}
