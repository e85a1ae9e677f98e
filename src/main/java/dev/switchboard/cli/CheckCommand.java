package dev.switchboard.cli;

import dev.switchboard.provisioning.StoreCheck;
import dev.switchboard.store.Database;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code check --db FILE}: verifies the store's invariants and prints what is wrong; exit 0 when
 * the store is consistent, 1 when not. Reads one snapshot, so it may run beside a live server.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Verify the store's invariants (seats, numbers, references, resolutions).")
public final class CheckCommand implements Callable<Integer> {
  @Mixin StoreOption store;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (Database database = store.openExisting()) {
      StoreCheck.Report report = new StoreCheck(database).run();
      print(spec.commandLine().getOut(), report);
      return report.consistent() ? 0 : 1;
    }
  }

  /** Prints {@code report}: a line per problem, then the verdict with what was read. */
  static void print(PrintWriter out, StoreCheck.Report report) {
    report.problems().forEach(problem -> out.println("PROBLEM " + problem));
    out.printf(
        "%s: %,d users and %,d groups checked, %d problem%s%n",
        report.consistent() ? "consistent" : "INCONSISTENT",
        report.users(),
        report.groups(),
        report.problems().size(),
        report.problems().size() == 1 ? "" : "s");
    out.flush();
  }
}
