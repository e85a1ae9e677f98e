package dev.switchboard.store;

/**
 * One recorded configuration change; {@code beforeJson} and {@code afterJson} are JSON text, null
 * where the resource did not exist.
 */
public record ConfigChangeRow(
    String id,
    long changedAt,
    String actor,
    String action,
    String resourceType,
    String resourceId,
    String resourceName,
    String beforeJson,
    String afterJson) {}
