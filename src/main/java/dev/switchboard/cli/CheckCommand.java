package dev.switchboard.cli;

import dev.switchboard.provisioning.StoreCheck;
import dev.switchboard.store.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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

  @Override
  public Integer call() {
    try (Database database = store.openExisting()) {
      StoreCheck.Report report = new StoreCheck(database).run();
      report.problems().forEach(problem -> System.out.println("PROBLEM " + problem));
      System.out.printf(
          "%s: %,d users and %,d groups checked, %d problem%s%n",
          report.consistent() ? "consistent" : "INCONSISTENT",
          report.users(),
          report.groups(),
          report.problems().size(),
          report.problems().size() == 1 ? "" : "s");
      return report.consistent() ? 0 : 1;
    }
  }
}
