package dev.switchboard.concurrency;

import org.junit.jupiter.api.Test;

/** {@link LostUpdateRace} on one in-process server. */
class LostUpdateRaceTest {
  @Test
  void ofManyWritersOnOneVersionExactlyOneWins() throws Exception {
    RaceScenarios.onOneServer(LostUpdateRace::ofManyWritersOnOneVersionExactlyOneWins);
  }
}
