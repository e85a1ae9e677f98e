package dev.switchboard.http.badinput;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * {@code /Bulk} requests in which no operation can succeed: the request is refused, or it answers
 * 200 with every operation a 4xx SCIM error; either way nothing changes.
 */
class BulkPropertyTest extends SeededProperties {
  @Property(
      tries = BadInput.TRIES_PER_PROPERTY / 2,
      seed = BadInput.SEED,
      shrinking = ShrinkingMode.OFF)
  void aBulkOfBadOperationsChangesNothing(@ForAll("bulks") Probe bulk) {
    Wire.Answer answer = referee("bulks").answered(bulk);
    if (answer.status() < 400) {
      for (JsonNode operation : answer.body().path("Operations")) {
        int status = operation.path("status").asInt();
        assertTrue(status >= 400 && status < 500, () -> "operation " + operation + " of " + bulk);
        Referee.assertScimErrorBody(status, operation.path("response"), bulk);
      }
    }
  }

  @Provide
  Arbitrary<Probe> bulks() {
    return BulkBodies.requests(server.ids());
  }
}
