package dev.switchboard.http;

import dev.switchboard.provisioning.DeliverySchedule;
import dev.switchboard.provisioning.TokenLifetime;
import java.time.Duration;

/**
 * How the HTTP server listens and guards itself, as given on the command line. Immutable; each
 * {@code with…} returns a changed copy, so tests state only what they care about.
 *
 * @param host the address to listen on
 * @param port the TCP port, 0 = any free port
 * @param oauthTokenLifetime how long an OAuth access token from {@code /oauth/token} lives
 * @param idleTimeout how long a connection may send nothing (before, between or inside a request: a
 *     stalled header or body) before the server closes it, so a slow or stalled client cannot hold
 *     a connection or a worker for ever
 * @param webhookDelivery how often the webhook worker polls, backs off and gives up
 */
public record ServerConfig(
    String host,
    int port,
    TokenLifetime oauthTokenLifetime,
    Duration idleTimeout,
    DeliverySchedule webhookDelivery) {
  /** Long enough for a slow network, short enough that stalled clients cannot pile up. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

  public ServerConfig {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive, not " + idleTimeout);
    }
  }

  /** {@code host} and {@code port}, everything else at its default. */
  public ServerConfig(String host, int port) {
    this(host, port, TokenLifetime.DEFAULT, DEFAULT_IDLE_TIMEOUT, DeliverySchedule.DEFAULT);
  }

  /** Loopback on {@code port} (0 = any free port), nothing else set. */
  public static ServerConfig loopback(int port) {
    return new ServerConfig("127.0.0.1", port);
  }

  public ServerConfig withOAuthTokenLifetime(TokenLifetime lifetime) {
    return new ServerConfig(host, port, lifetime, idleTimeout, webhookDelivery);
  }

  public ServerConfig withIdleTimeout(Duration timeout) {
    return new ServerConfig(host, port, oauthTokenLifetime, timeout, webhookDelivery);
  }

  public ServerConfig withWebhookDelivery(DeliverySchedule schedule) {
    return new ServerConfig(host, port, oauthTokenLifetime, idleTimeout, schedule);
  }
}
