package dev.switchboard.store;

/** One active secret of an OAuth client: its id, its SHA-256 hash (never the secret), its age. */
public record OAuthSecretRow(String id, String clientId, String secretHash, long created) {}
