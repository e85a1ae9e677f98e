package dev.switchboard.store;

/**
 * A member of a group as listed: the user's id, the display the IdP sent with it (if any), and the
 * user's own displayName and userName to fall back on.
 */
public record MemberRow(String userId, String display, String userDisplayName, String userName) {}
