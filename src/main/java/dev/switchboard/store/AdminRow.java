package dev.switchboard.store;

/** A stored admin resource (license template, audit event): identity, version and SCIM body. */
public record AdminRow(String id, long created, long lastModified, long version, String body)
    implements StoredRow {}
