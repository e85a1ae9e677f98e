package dev.switchboard.licensing;

/**
 * A user's contact-center role and the tier it demands: supervisors and admins need a premium
 * license (licensing.md "Where demand comes from"). Immutable and thread-safe (an enum).
 */
public enum Role {
  AGENT,
  SUPERVISOR,
  ADMIN;

  /** The name on the wire: {@code agent}, {@code supervisor}, {@code admin}. */
  public String wireName() {
    return WireNames.of(this);
  }

  /**
   * The role named by {@code text}, ignoring case and surrounding blanks; null or blank is {@link
   * #AGENT}, the default of api.md.
   *
   * @throws InvalidLicenseValueException for any other text
   */
  public static Role parse(String text) {
    if (text == null || text.isBlank()) {
      return AGENT;
    }
    return WireNames.parse("role", values(), Role::wireName, text);
  }

  /** The tier this role demands: {@link Tier#PREMIUM} for supervisors and admins, else none. */
  public Tier demandedTier() {
    return this == AGENT ? Tier.NONE : Tier.PREMIUM;
  }
}
