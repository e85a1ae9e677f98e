package dev.switchboard.http.badinput;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * POST and PUT bodies with a defect, for /Users, /Groups and every admin resource: each is refused
 * with a 4xx SCIM error, and the store stays exactly as seeded.
 */
class ResourceBodyPropertyTest extends SeededProperties {
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
