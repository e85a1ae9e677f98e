package dev.switchboard.concurrency;

import org.junit.jupiter.api.Test;

/** {@link UniquenessRace} on one in-process server. */
class UniquenessRaceTest {
  @Test
  void oneUserNameCreatedByManyClientsExistsOnce() throws Exception {
    RaceScenarios.onOneServer(UniquenessRace::oneUserNameCreatedByManyClientsExistsOnce);
  }

  @Test
  void oneExplicitExtensionGoesToOneUser() throws Exception {
    RaceScenarios.onOneServer(UniquenessRace::oneExplicitExtensionGoesToOneUser);
  }

  @Test
  void oneDirectNumberGoesToOneUser() throws Exception {
    RaceScenarios.onOneServer(UniquenessRace::oneDirectNumberGoesToOneUser);
  }

  @Test
  void aSmallRangeIsSharedOutWithoutDuplicates() throws Exception {
    RaceScenarios.onOneServer(UniquenessRace::aSmallRangeIsSharedOutWithoutDuplicates);
  }

  @Test
  void agentsCreatedAtOnceHoldTheLowestAgentIdsAndExtensionsOnceEach() throws Exception {
    RaceScenarios.onOneServer(
        UniquenessRace::agentsCreatedAtOnceHoldTheLowestAgentIdsAndExtensionsOnceEach);
  }
}
