package dev.switchboard.concurrency;

import dev.switchboard.ScimClient;
import java.util.List;

/**
 * The servers a race runs against: racing client {@code n} talks to {@code client(n)}. One server
 * in process, or several processes sharing one store, so that the same race, with the same
 * assertions, proves the rules hold across processes too. Thread-safe.
 */
@FunctionalInterface
public interface RaceTarget {
  ScimClient client(int n);

  /** Client {@code n} talks to {@code servers[n % servers.length]}. */
  static RaceTarget of(ScimClient... servers) {
    List<ScimClient> all = List.of(servers);
    return n -> all.get(n % all.size());
  }
}
