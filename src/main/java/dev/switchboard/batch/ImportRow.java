package dev.switchboard.batch;

import java.util.List;

/**
 * The direct values one CSV row sets for the user it names. {@code null} means the cell was blank
 * (leave the value as it is); an empty string or list means {@code -} (clear it, sync mode only).
 * Values are already checked and canonical.
 *
 * @param line the line the row starts on (the header is line 1)
 */
public record ImportRow(
    long line,
    String userName,
    String license,
    String role,
    List<String> queues,
    Boolean phoneLicensed,
    String callingPackage,
    String site,
    String extensionNumber,
    List<String> directNumbers) {}
