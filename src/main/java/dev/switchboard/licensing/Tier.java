package dev.switchboard.licensing;

import java.util.Objects;

/**
 * A contact-center license tier, ordered {@code NONE < STANDARD < PREMIUM} by declaration so that
 * the higher tier compares greater. Immutable and thread-safe (an enum).
 */
public enum Tier {
  NONE,
  STANDARD,
  PREMIUM;

  /** The name on the wire and in the database: {@code none}, {@code standard}, {@code premium}. */
  public String wireName() {
    return WireNames.of(this);
  }

  /**
   * The tier named by {@code text}, ignoring case and surrounding blanks.
   *
   * @throws InvalidLicenseValueException for anything else, null and blank included: unlike a role,
   *     a license has no default to fall back on
   */
  public static Tier parse(String text) {
    return WireNames.parse("license", values(), Tier::wireName, text);
  }

  /** The higher of this tier and {@code other}: premium wins. */
  public Tier max(Tier other) {
    Objects.requireNonNull(other, "other");
    return compareTo(other) >= 0 ? this : other;
  }
}
