package dev.switchboard.http;

import dev.switchboard.provisioning.MailOutbox;
import dev.switchboard.provisioning.MailState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Welcome emails in {@code /metrics}: {@code switchboard_mail_pending} and {@code
 * switchboard_mail_failed} (gauges) and {@code switchboard_mail_delivered_total} (a counter: the
 * outbox keeps every delivered email, so its count only grows and survives restarts). All read one
 * snapshot that {@link #refresh} takes once per scrape. Thread-safe.
 */
final class MailGauges implements MeterBinder {
  private final MailOutbox outbox;
  private final AtomicReference<Map<MailState, Long>> latest =
      new AtomicReference<>(new EnumMap<>(MailState.class));

  MailGauges(MailOutbox outbox) {
    this.outbox = outbox;
  }

  /** Counts the outbox's emails by state now. */
  void refresh() {
    latest.set(outbox.counts());
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(
            "switchboard.mail.pending", latest, snapshot -> count(snapshot, MailState.PENDING))
        .description("Welcome emails waiting to be sent (or retried)")
        .strongReference(true)
        .register(registry);
    Gauge.builder("switchboard.mail.failed", latest, snapshot -> count(snapshot, MailState.FAILED))
        .description("Welcome emails given up on: no address, refused, or out of attempts")
        .strongReference(true)
        .register(registry);
    FunctionCounter.builder(
            "switchboard.mail.delivered", latest, snapshot -> count(snapshot, MailState.DELIVERED))
        .description("Welcome emails the mail server accepted")
        .register(registry);
  }

  private static double count(AtomicReference<Map<MailState, Long>> snapshot, MailState state) {
    return snapshot.get().getOrDefault(state, 0L);
  }
}
