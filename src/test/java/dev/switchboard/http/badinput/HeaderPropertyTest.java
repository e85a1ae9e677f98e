package dev.switchboard.http.badinput;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Odd headers: a token that is not ours, a body that is not JSON, a stale {@code If-Match} stop a
 * write with a 4xx SCIM error; odd Accept, media-type parameters, {@code If-None-Match} and unknown
 * headers never cause a 5xx. Nothing changes the store.
 */
class HeaderPropertyTest extends SeededProperties {
  @Property(
      tries = BadInput.TRIES_PER_PROPERTY / 2,
      seed = BadInput.SEED,
      shrinking = ShrinkingMode.OFF)
  void aWriteWithABadHeaderIsRefused(@ForAll("stoppedWrites") Probe write) {
    referee("stoppedWrites").refused(write);
  }

  @Property(
      tries = BadInput.TRIES_PER_PROPERTY / 2,
      seed = BadInput.SEED,
      shrinking = ShrinkingMode.OFF)
  void oddHeadersNeverBreakARequest(@ForAll("oddRequests") Probe request) {
    referee("oddRequests").answered(request);
  }

  @Provide
  Arbitrary<Probe> stoppedWrites() {
    return OddHeaders.stoppedWrites(server.ids());
  }

  @Provide
  Arbitrary<Probe> oddRequests() {
    return OddHeaders.oddRequests(server.ids());
  }
}
