package dev.switchboard;

import dev.switchboard.cli.ServeCommand;
import dev.switchboard.store.StoreException;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/** {@code java -jar switchboard.jar [serve options] | token create|list|revoke}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    int exit =
        new CommandLine(new ServeCommand())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setExecutionExceptionHandler(Main::storeFailure)
            .execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /** A store that cannot be opened is the operator's to fix: one line with the reason, exit 1. */
  private static int storeFailure(
      Exception failure, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
    if (!(failure instanceof StoreException)) {
      throw failure;
    }
    command.getErr().println("switchboard: " + failure.getMessage());
    return 1;
  }
}
