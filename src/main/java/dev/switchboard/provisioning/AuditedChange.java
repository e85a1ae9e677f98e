package dev.switchboard.provisioning;

/** One change the audit trail recorded: the user, the product and its before and after. */
public record AuditedChange(
    String userId, String userName, String product, String before, String after) {}
