package dev.switchboard.licensing;

/**
 * Where a user stands with the seat of their effective license: none needed, seated, waiting for a
 * seat, or suspended because the user is inactive. Immutable and thread-safe (an enum).
 */
public enum LicenseState {
  NONE,
  ASSIGNED,
  PENDING,
  SUSPENDED;

  /** The name on the wire: {@code none}, {@code assigned}, {@code pending}, {@code suspended}. */
  public String wireName() {
    return WireNames.of(this);
  }

  /**
   * The state named by {@code text}, ignoring case and surrounding blanks.
   *
   * @throws InvalidLicenseValueException for anything else, null and blank included
   */
  public static LicenseState parse(String text) {
    return WireNames.parse("licenseState", values(), LicenseState::wireName, text);
  }
}
