package dev.switchboard.http.badinput;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * POST and PUT bodies with a defect, for /Users, /Groups and every admin resource: each is refused
 * with a 4xx SCIM error, and the store stays exactly as seeded.
 */
class ResourceBodyPropertyTest {
  private static SeededServer server;
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

  private Referee referee(String property) {
    if (referee == null) {
      referee = new Referee(getClass().getSimpleName() + "." + property, server);
    }
    return referee;
  }

  @Property(
      tries = BadInput.TRIES_PER_PROPERTY,
      seed = BadInput.SEED,
      shrinking = ShrinkingMode.OFF)
  void aBodyWithADefectIsRefusedAndChangesNothing(@ForAll("writes") Probe write) {
    referee("bodiesWithADefect").refused(write);
  }

  @Provide
  Arbitrary<Probe> writes() {
    return ResourceBodies.writes(server.ids());
  }
}
