package dev.switchboard.http;

import dev.switchboard.licensing.SeatPoolId;
import dev.switchboard.provisioning.SeatPoolService;
import dev.switchboard.provisioning.SeatPoolUsage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Seats per pool as gauges: {@code switchboard_seats_in_use}, {@code switchboard_seats_pending} and
 * {@code switchboard_seats_capacity} (+Inf when unlimited), labelled {@code pool}. The nine gauges
 * read one snapshot that {@link #refresh} takes in a single read transaction, once per scrape,
 * rather than nine reads of their own. Thread-safe.
 */
final class SeatGauges implements MeterBinder {
  private final SeatPoolService pools;
  private final AtomicReference<Map<String, SeatPoolUsage>> latest =
      new AtomicReference<>(Map.of());

  SeatGauges(SeatPoolService pools) {
    this.pools = pools;
  }

  /** Reads every pool from the store now. */
  void refresh() {
    latest.set(pools.usage().stream().collect(Collectors.toMap(SeatPoolUsage::id, usage -> usage)));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (SeatPoolId pool : SeatPoolId.values()) {
      gauge(registry, "switchboard.seats.in.use", "Seats taken", pool, usage -> usage.inUse());
      gauge(
          registry,
          "switchboard.seats.pending",
          "Users waiting for a seat",
          pool,
          usage -> usage.pending());
      gauge(
          registry,
          "switchboard.seats.capacity",
          "Seats the pool has, +Inf when unlimited",
          pool,
          usage -> usage.capacity() == null ? Double.POSITIVE_INFINITY : usage.capacity());
    }
  }

  private void gauge(
      MeterRegistry registry,
      String name,
      String description,
      SeatPoolId pool,
      ToDoubleFunction<SeatPoolUsage> value) {
    Gauge.builder(name, latest, snapshot -> valueOf(snapshot.get(), pool, value))
        .description(description)
        .tag("pool", pool.wireName())
        .strongReference(true)
        .register(registry);
  }

  private static double valueOf(
      Map<String, SeatPoolUsage> snapshot, SeatPoolId pool, ToDoubleFunction<SeatPoolUsage> value) {
    SeatPoolUsage usage = snapshot.get(pool.wireName());
    return usage == null ? Double.NaN : value.applyAsDouble(usage);
  }
}
