package dev.switchboard.store;

/**
 * One welcome email in the outbox: for whom, which product, to which address (null: the user had
 * none), the template values (JSON) as they were at the change, and its delivery state ({@code
 * pending}, {@code delivered}, {@code failed}, {@code cancelled}) with attempts and the last error.
 */
public record MailRow(
    String id,
    String userId,
    String userName,
    String product,
    String recipient,
    String factsJson,
    String state,
    int attempts,
    long nextAttemptAt,
    String lastError,
    long createdAt,
    Long finishedAt) {}
