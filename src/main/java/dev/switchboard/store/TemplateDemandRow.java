package dev.switchboard.store;

/** One group-template demand of a user, as joined from membership, group and template. */
public record TemplateDemandRow(
    String userId,
    String groupId,
    String groupName,
    String templateName,
    String contactCenter,
    long precedence,
    String templateBody) {}
