package dev.switchboard.licensing;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * licensing.md "Resolution" for phone: licensed if any source demands it; calling package = the
 * highest rank demanded, equal ranks → the smallest name; site = the direct site, else the site of
 * the first template (precedence ascending, then template name) naming one, else the default. The
 * result does not depend on the order of the demands. Stateless and thread-safe.
 */
public final class PhoneResolver {
  private static final Comparator<String> BY_NAME =
      Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER);
  private static final Comparator<PhoneDemand> CANONICAL_ORDER =
      Comparator.comparing(PhoneDemand::type)
          .thenComparing(PhoneDemand::groupName, BY_NAME)
          .thenComparing(PhoneDemand::groupId, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(PhoneDemand::templateName, BY_NAME)
          .thenComparing(PhoneDemand::callingPackage, BY_NAME)
          .thenComparing(PhoneDemand::licensed);

  private PhoneResolver() {}

  /**
   * Resolves {@code demands}; {@code ranks} gives each known package's rank by name (lower-case
   * keys). Packages not in it are ignored.
   */
  public static PhoneResolution resolve(Collection<PhoneDemand> demands, Map<String, Long> ranks) {
    boolean licensed = demands.stream().anyMatch(PhoneDemand::licensed);
    Optional<String> callingPackage =
        demands.stream()
            .map(PhoneDemand::callingPackage)
            .filter(name -> name != null && ranks.containsKey(name.toLowerCase()))
            .min(
                Comparator.<String>comparingLong(name -> -ranks.get(name.toLowerCase()))
                    .thenComparing(String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(Comparator.naturalOrder()));
    Optional<String> site =
        demands.stream()
            .filter(d -> d.site() != null)
            .min(
                Comparator.comparing(PhoneDemand::type)
                    .thenComparingLong(PhoneDemand::precedence)
                    .thenComparing(PhoneDemand::templateName, BY_NAME)
                    .thenComparing(PhoneDemand::site, BY_NAME))
            .map(PhoneDemand::site);
    List<PhoneDemand> sources =
        demands.stream()
            .filter(d -> d.licensed() || (d.callingPackage() != null && callingPackage.isPresent()))
            .distinct()
            .sorted(CANONICAL_ORDER)
            .toList();
    return new PhoneResolution(licensed, callingPackage, site, sources);
  }
}
