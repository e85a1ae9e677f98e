package dev.switchboard.store;

/**
 * What contact-center licensing resolved for a user, as stored: effective tier, state, the pool
 * whose seat is held, since when the user waits for a seat, the sources (JSON) and the agent id.
 */
public record UserLicensing(
    String effective, String state, String seat, Long pendingSince, String sources, Long agentId) {}
