package dev.switchboard.store;

/** One stored user: the indexed columns and the canonical SCIM body (JSON text). */
public record UserRow(
    String id,
    String userName,
    String externalId,
    String displayName,
    boolean active,
    long created,
    long lastModified,
    long version,
    String body)
    implements StoredRow {

  public String userNameKey() {
    return CaselessKey.of(userName);
  }
}
