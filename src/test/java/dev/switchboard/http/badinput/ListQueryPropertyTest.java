package dev.switchboard.http.badinput;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Lists and searches with odd filters and paging, sorting and projection parameters on every
 * endpoint: never a 5xx, errors as SCIM errors, and reads change nothing.
 */
class ListQueryPropertyTest extends SeededProperties {
  @Property(
      tries = BadInput.TRIES_PER_PROPERTY,
      seed = BadInput.SEED,
      shrinking = ShrinkingMode.OFF)
  void anOddListOrSearchNeverFailsAndChangesNothing(@ForAll("reads") Probe read) {
    referee("reads").answered(read);
  }

  @Provide
  Arbitrary<Probe> reads() {
    return ListQueries.reads();
  }
}
