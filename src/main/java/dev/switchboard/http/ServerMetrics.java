package dev.switchboard.http;

import dev.switchboard.provisioning.MailOutbox;
import dev.switchboard.provisioning.SeatPoolService;
import dev.switchboard.provisioning.WebhookDelivery;
import dev.switchboard.store.Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One server's meters in one Prometheus registry of its own (not Micrometer's global one, so
 * servers in one JVM share nothing): HTTP requests by route template, the store's group commits,
 * seats per pool, welcome emails by delivery state, webhook delivery, rate-limited requests and the
 * JVM. {@link #scrape} renders them for {@code GET /metrics}. Close it with the server.
 * Thread-safe.
 */
public final class ServerMetrics implements AutoCloseable {
  /** The Prometheus text exposition format that {@link #scrape} writes. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** Methods a client may send are unbounded; anything else is counted as {@code OTHER}. */
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final SeatGauges seats;
  private final MailGauges mail;
  private final WebhookGauges webhooks;
  private final Counter rateLimited;
  private final Map<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();

  ServerMetrics(
      Database database,
      SeatPoolService seatPools,
      MailOutbox mailOutbox,
      WebhookDelivery delivery) {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    database.bindTo(registry);
    seats = new SeatGauges(seatPools);
    seats.bindTo(registry);
    mail = new MailGauges(mailOutbox);
    mail.bindTo(registry);
    webhooks = new WebhookGauges(delivery);
    webhooks.bindTo(registry);
    rateLimited =
        Counter.builder("switchboard.rate.limited.requests")
            .description("Requests refused because their caller exceeded its rate limit")
            .register(registry);
  }

  /**
   * Counts a request refused for its rate ({@code switchboard_rate_limited_requests_total}); the
   * rate-limiting filter increments it.
   */
  public Counter rateLimited() {
    return rateLimited;
  }

  /** Records one answered request ({@code http_server_requests_seconds}). */
  void requestFinished(FinishedRequest request) {
    String method = METHODS.contains(request.method()) ? request.method() : "OTHER";
    requestTimers
        .computeIfAbsent(
            new RequestKey(method, request.route(), request.status()), this::requestTimer)
        .record(request.duration());
  }

  /** One timer per route, method and status, kept so a request does not rebuild its meter id. */
  private record RequestKey(String method, String route, int status) {}

  private Timer requestTimer(RequestKey key) {
    return Timer.builder("http.server.requests")
        .description("HTTP requests by route template, method and status")
        .tag("method", key.method())
        .tag("uri", key.route())
        .tag("status", Integer.toString(key.status()))
        .tag("outcome", Outcome.forStatus(key.status()).name())
        .publishPercentileHistogram()
        .register(registry);
  }

  /** Every meter in the Prometheus text format; seats, emails and webhooks read just now. */
  String scrape() {
    seats.refresh();
    mail.refresh();
    webhooks.refresh();
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
