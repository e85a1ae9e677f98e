package dev.switchboard.store;

/**
 * What phone licensing resolved for a user, as stored: licensed, state, whether a phone seat is
 * held, since when the user waits, sources (JSON), the calling package, the site id and the
 * extension number held.
 */
public record PhoneLicensing(
    boolean licensed,
    String state,
    boolean seat,
    Long pendingSince,
    String sources,
    String callingPackage,
    String siteId,
    String extension) {}
