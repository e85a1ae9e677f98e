package dev.switchboard.licensing;

import java.util.Collection;
import java.util.List;

/**
 * Resolves a user's contact-center demands into one effective tier (licensing.md "Resolution"): the
 * highest tier any source demands — premium wins. The outcome depends only on the set of demands,
 * never on their order. Stateless, so thread-safe.
 */
public final class ContactCenterResolver {
  private ContactCenterResolver() {}

  /**
   * The effective tier and the sources above none; no demands (or only demands for none) resolve to
   * {@link Resolution#NONE}.
   */
  public static Resolution resolve(Collection<Demand> demands) {
    List<Demand> sources = demands.stream().filter(d -> d.tier() != Tier.NONE).toList();
    Tier effective = sources.stream().map(Demand::tier).reduce(Tier.NONE, Tier::max);
    return new Resolution(effective, sources);
  }
}
