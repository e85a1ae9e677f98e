package dev.switchboard.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The group commit's meters in every registry bound to it: {@code switchboard.store.commit}, a
 * timer of each batch (its writes and the durable commit) by {@code outcome} ({@code committed} or
 * {@code failed}), and {@code switchboard.store.commit.batch.size}, how many writes each batch
 * carried, and {@code switchboard.store.commit.retries}, batches run again after a transient
 * failure ({@link SerializedWrites}). Records nothing until a registry is bound. Thread-safe.
 */
final class CommitMetrics implements MeterBinder {
  private final List<Meters> bound = new CopyOnWriteArrayList<>();

  /** One registry's meters. */
  private record Meters(
      Timer committed, Timer failed, DistributionSummary batchSizes, Counter retries) {}

  @Override
  public void bindTo(MeterRegistry registry) {
    bound.add(
        new Meters(
            timer(registry, "committed"),
            timer(registry, "failed"),
            DistributionSummary.builder("switchboard.store.commit.batch.size")
                .description("Writes that shared one group commit")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, GroupCommit.MAX_BATCH)
                .register(registry),
            Counter.builder("switchboard.store.commit.retries")
                .description("Write batches run again after a transient failure")
                .register(registry)));
  }

  /** Records that a batch runs again. */
  void recordRetry() {
    bound.forEach(meters -> meters.retries().increment());
  }

  /** Records one batch of {@code writes} that took {@code nanos}. */
  void record(int writes, boolean committed, long nanos) {
    for (Meters meters : bound) {
      meters.batchSizes().record(writes);
      (committed ? meters.committed() : meters.failed()).record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  private static Timer timer(MeterRegistry registry, String outcome) {
    return Timer.builder("switchboard.store.commit")
        .description("One group commit: running its writes, then the durable commit")
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .register(registry);
  }
}
