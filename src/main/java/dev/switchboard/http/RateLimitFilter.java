package dev.switchboard.http;

import dev.switchboard.provisioning.Caller;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Limits each token to its scope's {@link RateLimits}, with one token bucket per token name, so a
 * noisy token never slows another. Over the limit → 429 with {@code Retry-After} (whole seconds, at
 * least 1) and a SCIM error; the request does nothing. Runs right after {@link TokenAuthFilter}, so
 * it sees only authenticated callers; requests without a token (health, console files) pass.
 * Thread-safe: buckets are created once per token and are themselves thread-safe.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 1)
public final class RateLimitFilter implements ContainerRequestFilter {
  private final RateLimits limits;
  private final TimeMeter time;
  private final Runnable onLimited;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param clock the time buckets refill by (tests move it by hand)
   * @param onLimited called once for every request refused with 429 (e.g. to count them)
   */
  public RateLimitFilter(RateLimits limits, Clock clock, Runnable onLimited) {
    this.limits = limits;
    this.time = new ClockTimeMeter(clock);
    this.onLimited = onLimited;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getSecurityContext().getUserPrincipal()
        instanceof CallerSecurityContext.TokenPrincipal principal)) {
      return;
    }
    Caller caller = principal.caller();
    int perSecond = limits.perSecond(caller.scope());
    if (perSecond == 0) {
      return;
    }
    ConsumptionProbe probe =
        buckets
            .computeIfAbsent(caller.tokenName(), name -> bucket(perSecond))
            .tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return;
    }
    onLimited.run();
    long retryAfter = Math.max(1, divideRoundingUp(probe.getNanosToWaitForRefill()));
    request.abortWith(
        Response.fromResponse(
                ScimResponses.error(
                    429,
                    null,
                    "Token '"
                        + caller.tokenName()
                        + "' may send "
                        + perSecond
                        + " requests per second; retry in "
                        + retryAfter
                        + " s"))
            .header(HttpHeaders.RETRY_AFTER, retryAfter)
            .build());
  }

  private Bucket bucket(int perSecond) {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
        .withCustomTimePrecision(time)
        .build();
  }

  private static long divideRoundingUp(long nanos) {
    long second = TimeUnit.SECONDS.toNanos(1);
    return (nanos + second - 1) / second;
  }

  /** Bucket4j's time source read from the server's {@link Clock}, as every other timer is. */
  private record ClockTimeMeter(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      Instant now = clock.instant();
      return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
