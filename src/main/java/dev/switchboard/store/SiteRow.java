package dev.switchboard.store;

/** A site's columns: identity, name, default flag, cooldown and hold in days. */
public record SiteRow(
    String id, String name, boolean isDefault, long cooldownDays, long holdDays) {}
