package dev.switchboard.store;

/** One CSV import's record: mode, state and counters. */
public record ImportRecord(
    String id,
    String mode,
    String state,
    long total,
    long processed,
    long succeeded,
    long failed,
    long nextLine,
    String actor,
    long created,
    Long finished) {}
