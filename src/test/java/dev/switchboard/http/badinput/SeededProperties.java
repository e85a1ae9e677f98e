package dev.switchboard.http.badinput;

import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * What every bad-input property class shares: one seeded server for the class, and one {@link
 * Referee} per property that counts its tries and prints their summary when the property ends.
 */
abstract class SeededProperties {
  static SeededServer server;
  private Referee referee;

  @BeforeContainer
  static void start() {
    server = SeededServer.start();
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  @BeforeProperty
  void freshCount() {
    referee = null;
  }

  @AfterProperty
  void report() {
    Referee.report(referee);
  }

  /** The referee of the property running now, named {@code property} in its summary. */
  Referee referee(String property) {
    if (referee == null) {
      referee = new Referee(getClass().getSimpleName() + "." + property, server);
    }
    return referee;
  }
}
