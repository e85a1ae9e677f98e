package dev.switchboard.store;

/**
 * One stored user: the indexed columns, the canonical SCIM body (JSON text), and what licensing
 * resolved for it ({@link UserLicensing}).
 */
public record UserRow(
    String id,
    String userName,
    String externalId,
    String displayName,
    boolean active,
    long created,
    long lastModified,
    long version,
    String body,
    String ccEffective,
    String ccState,
    String ccSeat,
    Long ccPendingSince,
    String ccSources,
    Long agentId,
    boolean phoneLicensed,
    String phoneState,
    boolean phoneSeat,
    Long phonePendingSince,
    String phoneSources,
    String phonePackage,
    String phoneSite,
    String extension)
    implements StoredRow {

  /** A new user's row, before licensing has resolved it. */
  public static UserRow unresolved(
      String id,
      String userName,
      String externalId,
      String displayName,
      boolean active,
      long created,
      long lastModified,
      long version,
      String body) {
    return new UserRow(
        id,
        userName,
        externalId,
        displayName,
        active,
        created,
        lastModified,
        version,
        body,
        "none",
        "none",
        null,
        null,
        null,
        null,
        false,
        "none",
        false,
        null,
        null,
        null,
        null,
        null);
  }

  public String userNameKey() {
    return CaselessKey.of(userName);
  }

  public String displayNameKey() {
    return CaselessKey.of(displayName);
  }

  public PhoneLicensing phone() {
    return new PhoneLicensing(
        phoneLicensed,
        phoneState,
        phoneSeat,
        phonePendingSince,
        phoneSources,
        phonePackage,
        phoneSite,
        extension);
  }

  public UserLicensing licensing() {
    return new UserLicensing(ccEffective, ccState, ccSeat, ccPendingSince, ccSources, agentId);
  }
}
