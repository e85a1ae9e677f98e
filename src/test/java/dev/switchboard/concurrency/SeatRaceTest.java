package dev.switchboard.concurrency;

import org.junit.jupiter.api.Test;

/** {@link SeatRace} on one in-process server. */
class SeatRaceTest {
  @Test
  void churnAtCapacityNeverOverfillsAndServesTheQueue() throws Exception {
    RaceScenarios.onOneServer(SeatRace::churnAtCapacityNeverOverfillsAndServesTheQueue);
  }
}
