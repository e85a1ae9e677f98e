package dev.switchboard.store;

/** A line an import could not apply; {@code columnName} is null when the whole line is at fault. */
public record ImportError(long line, String columnName, String detail) {}
