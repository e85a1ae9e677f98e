package dev.switchboard.store;

/** A seat pool as stored: its capacity (null = unlimited) and the seats in use. */
public record SeatPoolRow(String id, Long capacity, long inUse, long version) {}
