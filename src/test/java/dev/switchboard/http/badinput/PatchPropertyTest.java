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
 * PATCH with one bad operation among valid ones, or no PatchOp at all, on every patchable resource:
 * refused with a 4xx SCIM error, and nothing of it lands (PATCH is atomic).
 */
class PatchPropertyTest {
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
  void aPatchWithABadOperationIsRefusedWhole(@ForAll("patches") Probe patch) {
    referee("patches").refused(patch);
  }

  @Provide
  Arbitrary<Probe> patches() {
    return PatchBodies.patches(server.ids());
  }
}
