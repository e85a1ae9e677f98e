package dev.switchboard.http;

import dev.switchboard.provisioning.WebhookDelivery;
import dev.switchboard.provisioning.WebhookStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;

/**
 * Webhook delivery in the metrics: {@code switchboard_webhook_events_delivered_total}, {@code
 * switchboard_webhook_attempts_failed_total}, and per endpoint (label {@code webhook}, its id)
 * {@code switchboard_webhook_events_pending} and {@code switchboard_webhook_state} (1 for the
 * endpoint's current {@code state} label: ok, failing or paused). The per-endpoint gauges are read
 * from the store once per scrape by {@link #refresh}. Thread-safe.
 */
final class WebhookGauges implements MeterBinder {
  private static final List<String> STATES = List.of("ok", "failing", "paused");

  private final WebhookDelivery delivery;
  private MultiGauge pending;
  private MultiGauge state;

  WebhookGauges(WebhookDelivery delivery) {
    this.delivery = delivery;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder(
            "switchboard.webhook.events.delivered", delivery, WebhookDelivery::deliveredCount)
        .description("Events webhook endpoints accepted (2xx)")
        .register(registry);
    FunctionCounter.builder(
            "switchboard.webhook.attempts.failed", delivery, WebhookDelivery::failedAttemptCount)
        .description("Webhook deliveries that failed (non-2xx, timeout, connection error)")
        .register(registry);
    pending =
        MultiGauge.builder("switchboard.webhook.events.pending")
            .description("Events not yet delivered to (or skipped by) a webhook endpoint")
            .register(registry);
    state =
        MultiGauge.builder("switchboard.webhook.state")
            .description("1 for a webhook endpoint's current state")
            .register(registry);
  }

  /** Reads every endpoint's state and backlog now; endpoints deleted since disappear. */
  synchronized void refresh() {
    List<WebhookStatus> endpoints = delivery.status();
    pending.register(
        endpoints.stream()
            .map(e -> MultiGauge.Row.of(Tags.of("webhook", e.id()), e.pending()))
            .toList(),
        true);
    state.register(
        endpoints.stream()
            .flatMap(
                e ->
                    STATES.stream()
                        .map(
                            s ->
                                MultiGauge.Row.of(
                                    Tags.of("webhook", e.id(), "state", s),
                                    s.equals(e.state()) ? 1 : 0)))
            .toList(),
        true);
  }
}
