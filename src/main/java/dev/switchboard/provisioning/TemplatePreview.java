package dev.switchboard.provisioning;

import dev.switchboard.licensing.Tier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a template write would do to its users, read from the changes a rehearsal of it recorded:
 * how many users' contact-center tier goes up or down, how many end up waiting for a seat, how many
 * gain or lose a phone license, and the first {@value #SHOWN} changes themselves.
 */
public record TemplatePreview(
    int usersAffected,
    int upgraded,
    int downgraded,
    int pending,
    int phoneLicensed,
    int phoneUnlicensed,
    int phonePending,
    List<AuditedChange> changes) {
  static final int SHOWN = 100;

  /** Each user's first "before" and last "after" per product, from the rehearsal's changes. */
  static TemplatePreview of(List<AuditedChange> recorded) {
    Map<List<String>, AuditedChange> net = new LinkedHashMap<>();
    for (AuditedChange change : recorded) {
      net.merge(
          List.of(change.userId(), change.product()),
          change,
          (first, last) ->
              new AuditedChange(
                  first.userId(), first.userName(), first.product(), first.before(), last.after()));
    }
    List<AuditedChange> changes =
        net.values().stream().filter(c -> !c.before().equals(c.after())).toList();
    int upgraded = 0;
    int downgraded = 0;
    int pending = 0;
    int phoneLicensed = 0;
    int phoneUnlicensed = 0;
    int phonePending = 0;
    for (AuditedChange change : changes) {
      if (change.product().equals(ContactCenterLicensing.PRODUCT)) {
        int direction = tier(change.after()).compareTo(tier(change.before()));
        upgraded += direction > 0 ? 1 : 0;
        downgraded += direction < 0 ? 1 : 0;
        pending += isPending(change.after()) ? 1 : 0;
      } else if (change.product().equals(PhoneLicensingEngine.PRODUCT)) {
        boolean before = isLicensed(change.before());
        boolean after = isLicensed(change.after());
        phoneLicensed += after && !before ? 1 : 0;
        phoneUnlicensed += before && !after ? 1 : 0;
        phonePending += isPending(change.after()) ? 1 : 0;
      }
    }
    return new TemplatePreview(
        (int) changes.stream().map(AuditedChange::userId).distinct().count(),
        upgraded,
        downgraded,
        pending,
        phoneLicensed,
        phoneUnlicensed,
        phonePending,
        changes.subList(0, Math.min(SHOWN, changes.size())));
  }

  /** "premium (pending)" → premium; "none" → none (see ContactCenterLicensing.describe). */
  private static Tier tier(String described) {
    return Tier.parse(described.split(" ", 2)[0]);
  }

  private static boolean isPending(String described) {
    return described.endsWith("(pending)");
  }

  private static boolean isLicensed(String described) {
    return described.startsWith("licensed");
  }
}
