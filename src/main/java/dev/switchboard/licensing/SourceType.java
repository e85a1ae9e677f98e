package dev.switchboard.licensing;

/**
 * Where a demand for a tier comes from: the user's own {@code license}, their role, or a license
 * template of a group they belong to. Declaration order is the order of sources in a {@link
 * Resolution}. Immutable and thread-safe (an enum).
 */
public enum SourceType {
  DIRECT,
  ROLE,
  GROUP;

  /** The {@code licenseSources.type} on the wire: {@code direct}, {@code role}, {@code group}. */
  public String wireName() {
    return WireNames.of(this);
  }

  /**
   * The source type named by {@code text}, ignoring case and surrounding blanks.
   *
   * @throws InvalidLicenseValueException for anything else, null and blank included
   */
  public static SourceType parse(String text) {
    return WireNames.parse("licenseSources.type", values(), SourceType::wireName, text);
  }
}
