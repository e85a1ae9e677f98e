package dev.switchboard.batch;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of the users CSV (api.md "Batches"). Importable columns set a user's direct values;
 * the others are what an export adds (effective values, state) and an import reads past, so that an
 * exported file can be edited and imported again. Immutable (an enum).
 */
public enum CsvColumn {
  USER_NAME("userName", true),
  DISPLAY_NAME("displayName", false),
  ACTIVE("active", false),
  LICENSE("license", true),
  WEBEX_STANDARD("Webex Contact Center Standard", true),
  WEBEX_PREMIUM("Webex Contact Center Premium", true),
  ROLE("role", true),
  QUEUES("queues", true),
  PHONE_LICENSED("phoneLicensed", true),
  CALLING_PACKAGE("callingPackage", true),
  SITE("site", true),
  EXTENSION_NUMBER("extensionNumber", true),
  DIRECT_NUMBERS("directNumbers", true),
  EFFECTIVE_LICENSE("effectiveLicense", false),
  LICENSE_STATE("licenseState", false),
  AGENT_ID("agentId", false),
  EFFECTIVE_PHONE_LICENSED("effectivePhoneLicensed", false),
  EFFECTIVE_CALLING_PACKAGE("effectiveCallingPackage", false),
  EFFECTIVE_SITE("effectiveSite", false),
  PHONE_LICENSE_STATE("phoneLicenseState", false);

  /** What an export writes, in this order. */
  public static final List<CsvColumn> EXPORTED =
      Arrays.stream(values()).filter(c -> c != WEBEX_STANDARD && c != WEBEX_PREMIUM).toList();

  private final String header;
  private final boolean imported;

  CsvColumn(String header, boolean imported) {
    this.header = header;
    this.imported = imported;
  }

  /** The name in the header row. */
  public String header() {
    return header;
  }

  /** False for the columns an export adds and an import ignores. */
  public boolean imported() {
    return imported;
  }

  /** The column a header cell names: case and surrounding blanks ignored. */
  public static Optional<CsvColumn> named(String header) {
    String wanted = header.strip();
    return Arrays.stream(values())
        .filter(c -> c.header.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
        .findFirst();
  }
}
