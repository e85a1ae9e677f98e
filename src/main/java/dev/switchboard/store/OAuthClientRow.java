package dev.switchboard.store;

/** A stored OAuth client: its id (the {@code client_id}), name, scope and creation time. */
public record OAuthClientRow(String id, String name, String scope, long created) {}
