package dev.switchboard.store;

/** What every stored resource row has: identity, timestamps, version and the SCIM body. */
public interface StoredRow {
  String id();

  long created();

  long lastModified();

  long version();

  String body();
}
