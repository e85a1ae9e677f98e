package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.concurrency.RaceScenarios;
import dev.switchboard.concurrency.RaceTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules hold across processes: every race of {@link RaceScenarios} — the very requests and
 * assertions the in-process {@code *RaceTest}s make — runs against two packaged jars serving one
 * fresh PostgreSQL schema at once, racing client {@code n} talking to process {@code n % 2}. Both
 * processes start together (their migrations race too), and after the race, with both stopped,
 * {@code check} must find the store consistent. Needs the PostgreSQL of {@link TestStores}; skipped
 * without it.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TwoProcessRaceIT {
  private static final int OUTPUT_SHOWN = 4_000;

  private final String token = "admin-" + UUID.randomUUID();

  @TempDir Path dir;

  static Stream<Arguments> races() {
    return RaceScenarios.all().entrySet().stream()
        .map(race -> Arguments.of(race.getKey(), race.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("races")
  void keepsItsRulesAcrossTwoProcesses(String race, RaceScenarios.Scenario scenario)
      throws Exception {
    JarStore store = JarStore.postgres();
    Map<String, String> env = store.envWith("SWITCHBOARD_ADMIN_TOKEN", token);
    List<JarProcess> processes = startTogether(store.db(), env, 2);
    try {
      scenario.run(
          RaceTarget.of(
              new JarScimClient(processes.get(0), token),
              new JarScimClient(processes.get(1), token)));
      processes.forEach(JarProcess::stop);
    } catch (Exception | AssertionError e) {
      for (JarProcess process : processes) {
        process.close();
        e.addSuppressed(
            new AssertionError("output of " + process.scimBase() + ":\n" + tail(process)));
      }
      throw e;
    } finally {
      processes.forEach(JarProcess::close);
    }

    JarProcess.CommandResult check = JarProcess.run(dir, store.env(), "check", "--db", store.db());
    assertEquals(0, check.exitCode(), race + " left the shared store inconsistent:\n" + check);
    assertTrue(check.stdout().contains("consistent"), check.toString());
  }

  /** Starts {@code count} jars on {@code db} at the same moment and waits for all of them. */
  private List<JarProcess> startTogether(String db, Map<String, String> env, int count)
      throws InterruptedException {
    ExecutorService starters = Executors.newFixedThreadPool(count);
    try {
      List<Future<JarProcess>> starting =
          starters.invokeAll(Collections.nCopies(count, () -> JarProcess.start(db, dir, env)));
      List<JarProcess> started = new ArrayList<>();
      AssertionError failed = null;
      for (Future<JarProcess> process : starting) {
        try {
          started.add(process.get());
        } catch (ExecutionException e) {
          failed = new AssertionError("a process did not start", e.getCause());
        }
      }
      if (failed != null) {
        started.forEach(JarProcess::close);
        throw failed;
      }
      return started;
    } finally {
      starters.shutdownNow();
    }
  }

  private static String tail(JarProcess process) {
    String output = process.stdout() + process.stderr();
    return output.substring(Math.max(0, output.length() - OUTPUT_SHOWN));
  }
}
