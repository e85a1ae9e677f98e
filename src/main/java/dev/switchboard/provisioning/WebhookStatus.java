package dev.switchboard.provisioning;

/** One endpoint's delivery state for the metrics: its state and how many events wait. */
public record WebhookStatus(String id, String state, long pending) {}
