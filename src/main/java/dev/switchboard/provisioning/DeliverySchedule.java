package dev.switchboard.provisioning;

import java.time.Duration;

/**
 * When the webhook worker sends: how often it looks for new events, how it backs off after a
 * failure (doubling from {@code firstRetry} up to {@code maxRetry}), how long a request may take,
 * and how long an endpoint may fail before it is paused. Immutable.
 */
public record DeliverySchedule(
    Duration pollInterval,
    Duration firstRetry,
    Duration maxRetry,
    Duration requestTimeout,
    Duration pauseAfter) {
  public static final DeliverySchedule DEFAULT =
      new DeliverySchedule(
          Duration.ofSeconds(1),
          Duration.ofSeconds(5),
          Duration.ofMinutes(10),
          Duration.ofSeconds(10),
          Duration.ofHours(24));

  public DeliverySchedule {
    for (Duration duration :
        new Duration[] {pollInterval, firstRetry, maxRetry, requestTimeout, pauseAfter}) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("webhook delivery durations must be positive");
      }
    }
  }

  /** The wait before the attempt after {@code failures} failed ones in a row (at least one). */
  Duration backoff(int failures) {
    Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 30));
    return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
  }

  public DeliverySchedule withPollInterval(Duration interval) {
    return new DeliverySchedule(interval, firstRetry, maxRetry, requestTimeout, pauseAfter);
  }
}
