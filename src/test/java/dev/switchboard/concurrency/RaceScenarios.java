package dev.switchboard.concurrency;

import dev.switchboard.TestServer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every race, by name, in one list: the {@code *RaceTest} classes run each against one in-process
 * server, {@code it.TwoProcessRaceIT} against two jars sharing one PostgreSQL store — the same
 * requests and the same assertions. A new race goes into its scenario class, its {@code *RaceTest},
 * and here.
 */
public final class RaceScenarios {
  private RaceScenarios() {}

  /** One race: sets up through its target, races, and asserts what the servers answered. */
  @FunctionalInterface
  public interface Scenario {
    void run(RaceTarget target) throws Exception;
  }

  public static Map<String, Scenario> all() {
    Map<String, Scenario> all = new LinkedHashMap<>();
    all.put(
        "parallelAddsAndRemovesOnOneGroupKeepEveryAcknowledgedChange",
        MembershipRace::parallelAddsAndRemovesOnOneGroupKeepEveryAcknowledgedChange);
    all.put(
        "churnAtCapacityNeverOverfillsAndServesTheQueue",
        SeatRace::churnAtCapacityNeverOverfillsAndServesTheQueue);
    all.put(
        "templateChangesRacingMembershipChangesEndResolved",
        TemplateRace::templateChangesRacingMembershipChangesEndResolved);
    all.put(
        "oneUserNameCreatedByManyClientsExistsOnce",
        UniquenessRace::oneUserNameCreatedByManyClientsExistsOnce);
    all.put("oneExplicitExtensionGoesToOneUser", UniquenessRace::oneExplicitExtensionGoesToOneUser);
    all.put("oneDirectNumberGoesToOneUser", UniquenessRace::oneDirectNumberGoesToOneUser);
    all.put(
        "aSmallRangeIsSharedOutWithoutDuplicates",
        UniquenessRace::aSmallRangeIsSharedOutWithoutDuplicates);
    all.put(
        "agentsCreatedAtOnceHoldTheLowestAgentIdsAndExtensionsOnceEach",
        UniquenessRace::agentsCreatedAtOnceHoldTheLowestAgentIdsAndExtensionsOnceEach);
    all.put(
        "ofManyWritersOnOneVersionExactlyOneWins",
        LostUpdateRace::ofManyWritersOnOneVersionExactlyOneWins);
    return all;
  }

  /**
   * Runs {@code scenario} against one fresh in-process server; closing it runs the invariant
   * checker on what the race left.
   */
  static void onOneServer(Scenario scenario) throws Exception {
    try (TestServer server = TestServer.start()) {
      scenario.run(RaceTarget.of(server));
    }
  }
}
