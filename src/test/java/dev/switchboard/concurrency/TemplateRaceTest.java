package dev.switchboard.concurrency;

import org.junit.jupiter.api.Test;

/** {@link TemplateRace} on one in-process server. */
class TemplateRaceTest {
  @Test
  void templateChangesRacingMembershipChangesEndResolved() throws Exception {
    RaceScenarios.onOneServer(TemplateRace::templateChangesRacingMembershipChangesEndResolved);
  }
}
