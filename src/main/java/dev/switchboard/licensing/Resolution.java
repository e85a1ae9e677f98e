package dev.switchboard.licensing;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The result of resolving a user's demands: the effective tier (the highest demanded — premium
 * wins) and the sources that demand a tier above {@link Tier#NONE}, in a canonical order so that
 * the result does not depend on the order of the demands; equal demands are kept once.
 *
 * <p>The canonical order is: tier descending, then type ({@code DIRECT}, {@code ROLE}, {@code
 * GROUP}), then groupName ignoring case, then groupId, then templateName, then groupName exactly
 * (so that two names differing only in case still sort the same way every time). The constructor
 * puts {@code sources} in that order and removes duplicates, so two resolutions of the same demands
 * are equal however they were built. Immutable and thread-safe.
 *
 * @param effective the tier the user gets
 * @param sources the demands above none, canonically ordered, without duplicates
 */
public record Resolution(Tier effective, List<Demand> sources) {
  private static final Comparator<String> NULLS_FIRST_IGNORING_CASE =
      Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER);
  private static final Comparator<String> NULLS_FIRST =
      Comparator.nullsFirst(Comparator.naturalOrder());

  static final Comparator<Demand> CANONICAL_ORDER =
      Comparator.comparing(Demand::tier, Comparator.reverseOrder())
          .thenComparing(Demand::type)
          .thenComparing(Demand::groupName, NULLS_FIRST_IGNORING_CASE)
          .thenComparing(Demand::groupId, NULLS_FIRST)
          .thenComparing(Demand::templateName, NULLS_FIRST)
          .thenComparing(Demand::groupName, NULLS_FIRST);

  /** Nothing demanded: tier none, no sources. */
  public static final Resolution NONE = new Resolution(Tier.NONE, List.of());

  /**
   * @throws IllegalArgumentException when a source demands {@link Tier#NONE} or {@code effective}
   *     is not the highest tier of the sources ({@code NONE} when there are none)
   */
  public Resolution {
    Objects.requireNonNull(effective, "effective");
    sources = sources.stream().distinct().sorted(CANONICAL_ORDER).toList();
    if (sources.stream().anyMatch(source -> source.tier() == Tier.NONE)) {
      throw new IllegalArgumentException("a source must demand a tier above none: " + sources);
    }
    Tier highest = sources.isEmpty() ? Tier.NONE : sources.get(0).tier();
    if (effective != highest) {
      throw new IllegalArgumentException(
          "effective tier " + effective.wireName() + " is not the highest of " + sources);
    }
  }
}
