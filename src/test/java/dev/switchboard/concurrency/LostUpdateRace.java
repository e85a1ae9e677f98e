package dev.switchboard.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.PatchBodies;
import java.util.List;
import java.util.Map;

/**
 * RFC 7644 §3.14: clients that PATCH with the ETag they read cannot overwrite each other's change
 * unseen — of many racing on one version, exactly one wins and the rest get 412.
 */
public final class LostUpdateRace {
  private static final int CLIENTS = 10;

  private LostUpdateRace() {}

  public static void ofManyWritersOnOneVersionExactlyOneWins(RaceTarget target) throws Exception {
    String id = target.client(0).createUser("contended");
    String etag = target.client(0).get("/Users/" + id).header("ETag");

    List<Integer> statuses =
        Race.times(
            CLIENTS,
            n ->
                target
                    .client(n)
                    .send(
                        "PATCH",
                        "/Users/" + id,
                        PatchBodies.replace("displayName", "\"writer " + n + "\""),
                        Map.of("If-Match", etag))
                    .status());

    assertEquals(
        1, statuses.stream().filter(status -> status / 100 == 2).count(), statuses.toString());
    assertEquals(CLIENTS - 1, statuses.stream().filter(status -> status == 412).count());
  }
}
