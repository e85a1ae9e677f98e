package dev.switchboard.http.badinput;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * PATCH with one bad operation among valid ones, or no PatchOp at all, on every patchable resource:
 * refused with a 4xx SCIM error, and nothing of it lands (PATCH is atomic).
 */
class PatchPropertyTest extends SeededProperties {
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
