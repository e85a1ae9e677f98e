package dev.switchboard.store;

/** One stored group: the indexed columns and the canonical SCIM body without members. */
public record GroupRow(
    String id,
    String displayName,
    String externalId,
    long created,
    long lastModified,
    long version,
    String body)
    implements StoredRow {

  public String displayNameKey() {
    return CaselessKey.of(displayName);
  }
}
