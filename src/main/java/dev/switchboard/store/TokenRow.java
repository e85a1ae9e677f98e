package dev.switchboard.store;

/** A stored API token: its name, scope and SHA-256 hash (never the token itself). */
public record TokenRow(String name, String scope, String tokenHash, long created) {}
