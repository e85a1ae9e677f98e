package dev.switchboard.cli;

import dev.switchboard.provisioning.StoreCheck;
import dev.switchboard.store.Database;
import dev.switchboard.store.StoreCopy;
import dev.switchboard.store.StoreException;
import dev.switchboard.store.StoreLocation;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code migrate-store --from FILE --to URL}: copies a whole store into an empty one (from the
 * embedded SQLite file to PostgreSQL), then proves the copy: every table's row count equals the
 * source's and the invariants hold ({@link StoreCheck}). The summary goes to stdout, the progress
 * bar and errors to stderr.
 */
@Command(
    name = "migrate-store",
    mixinStandardHelpOptions = true,
    description = {
      "Copy a whole store into an empty one (SQLite to PostgreSQL) and verify the copy.",
      "Every row of every table is copied in one transaction, then checked: row counts per table"
          + " and the invariant check (as in check). Exit 0 when both hold; 1 when the target"
          + " holds data or the copy fails (nothing is written then) or the check finds a"
          + " difference.",
      "Both stores are migrated to this version's schema first: a source on an older version is"
          + " upgraded in place. Stop the servers on the source: what they write after the copy's"
          + " snapshot is not copied."
    })
public final class MigrateStoreCommand implements Callable<Integer> {
  @Option(
      names = "--from",
      required = true,
      paramLabel = "FILE",
      description = "the store to copy: an SQLite file that exists (or a jdbc:postgresql:// URL)")
  String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "URL",
      description =
          "the store to fill: jdbc:postgresql://HOST:PORT/DB (credentials from env"
              + " SWITCHBOARD_DB_USER and SWITCHBOARD_DB_PASSWORD), or an SQLite file; it must"
              + " hold no data")
  String to;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Database source = StoreOption.openExisting(location(from));
        Database target = Database.open(location(to))) {
      StoreCopy copy = new StoreCopy(source, target);
      Map<String, Long> copied = copy(copy, out);
      return verify(copy.verify(copied), new StoreCheck(target).run(), out, err);
    } catch (StoreException | IllegalArgumentException e) {
      err.println("migrate-store: " + e.getMessage());
      return 1;
    }
  }

  private static Map<String, Long> copy(StoreCopy copy, PrintWriter out) {
    long started = System.nanoTime();
    Map<String, Long> copied;
    try (CopyProgressBar progress = new CopyProgressBar()) {
      copied = copy.copy(progress);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long rows = copied.values().stream().mapToLong(Long::longValue).sum();
    out.printf(
        "copied %,d rows of %d tables in %.1f s (%,.0f rows/s)%n",
        rows, copied.size(), seconds, rows / seconds);
    return copied;
  }

  /** Prints the proof of the copy; returns the exit code: 0 when the target is the source. */
  private static int verify(
      List<StoreCopy.TableCount> counts,
      StoreCheck.Report check,
      PrintWriter out,
      PrintWriter err) {
    print(out, counts, check);
    List<String> differences =
        counts.stream()
            .filter(count -> !count.matches())
            .map(
                count ->
                    count.table()
                        + " (source "
                        + count.sourceRows()
                        + ", target "
                        + count.targetRows()
                        + ")")
            .toList();
    if (!differences.isEmpty()) {
      err.println("migrate-store: the target's row counts differ: " + differences);
    }
    if (!check.consistent()) {
      err.println("migrate-store: the target fails the invariant check (see PROBLEM lines)");
    }
    return differences.isEmpty() && check.consistent() ? 0 : 1;
  }

  private static StoreLocation location(String given) {
    return StoreLocation.parse(given, System::getenv);
  }

  private static void print(
      PrintWriter out, List<StoreCopy.TableCount> counts, StoreCheck.Report check) {
    out.printf("%-22s %12s %12s%n", "table", "source rows", "target rows");
    for (StoreCopy.TableCount count : counts) {
      out.printf(
          "%-22s %,12d %,12d%s%n",
          count.table(),
          count.sourceRows(),
          count.targetRows(),
          count.matches() ? "" : "  DIFFERS");
    }
    out.println("invariant check of the target:");
    CheckCommand.print(out, check);
  }
}
