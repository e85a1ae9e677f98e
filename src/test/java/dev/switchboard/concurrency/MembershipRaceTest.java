package dev.switchboard.concurrency;

import org.junit.jupiter.api.Test;

/** {@link MembershipRace} on one in-process server. */
class MembershipRaceTest {
  @Test
  void parallelAddsAndRemovesOnOneGroupKeepEveryAcknowledgedChange() throws Exception {
    RaceScenarios.onOneServer(
        MembershipRace::parallelAddsAndRemovesOnOneGroupKeepEveryAcknowledgedChange);
  }
}
