package dev.switchboard.store;

/** One stored event: its id (the delivery order), type, user and payload without the id. */
public record EventRow(long id, String type, String userId, long created, String body) {}
