package dev.switchboard.store;

/** A group a user belongs to: its id and displayName. */
public record GroupRef(String id, String displayName) {}
