package dev.switchboard.store;

/**
 * A webhook endpoint as the delivery worker sees it: where to send, with which secret, the
 * configuration body (its event filter) and the delivery state.
 */
public record WebhookRow(
    String id,
    String url,
    String secret,
    boolean active,
    String state,
    String lastError,
    long deliveredThrough,
    Long failingSince,
    int attempts,
    long nextAttempt,
    String body) {}
