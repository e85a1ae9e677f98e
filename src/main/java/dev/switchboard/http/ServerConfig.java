package dev.switchboard.http;

import dev.switchboard.mail.MailSettings;
import dev.switchboard.provisioning.DeliverySchedule;
import dev.switchboard.provisioning.TokenLifetime;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP server listens, guards itself and sends what it sends, as given on the command line.
 * Immutable; each {@code with…} returns a changed copy, so tests state only what they care about.
 *
 * @param host the address to listen on
 * @param port the TCP port, 0 = any free port
 * @param tls the certificate and key to serve HTTPS with; empty = plain HTTP
 * @param rateLimits requests per second per token, by scope
 * @param oauthTokenLifetime how long an OAuth access token from {@code /oauth/token} lives
 * @param idleTimeout how long a connection may send nothing (before, between or inside a request: a
 *     stalled header or body) before the server closes it, so a slow or stalled client cannot hold
 *     a connection or a worker for ever
 * @param mail whether and how welcome emails are sent ({@link MailSettings#OFF}: not at all)
 * @param webhookDelivery how often the webhook worker polls, backs off and gives up
 */
public record ServerConfig(
    String host,
    int port,
    Optional<TlsIdentity> tls,
    RateLimits rateLimits,
    TokenLifetime oauthTokenLifetime,
    Duration idleTimeout,
    MailSettings mail,
    DeliverySchedule webhookDelivery) {
  /** Long enough for a slow network, short enough that stalled clients cannot pile up. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(rateLimits, "rateLimits");
    Objects.requireNonNull(oauthTokenLifetime, "oauthTokenLifetime");
    Objects.requireNonNull(mail, "mail");
    Objects.requireNonNull(webhookDelivery, "webhookDelivery");
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("the idle timeout must be positive, not " + idleTimeout);
    }
  }

  /** {@code host} and {@code port}, everything else at its default. */
  public ServerConfig(String host, int port) {
    this(
        host,
        port,
        Optional.empty(),
        RateLimits.OFF,
        TokenLifetime.DEFAULT,
        DEFAULT_IDLE_TIMEOUT,
        MailSettings.OFF,
        DeliverySchedule.DEFAULT);
  }

  /** Loopback on {@code port} (0 = any free port), nothing else set. */
  public static ServerConfig loopback(int port) {
    return new ServerConfig("127.0.0.1", port);
  }

  /** HTTPS only, presenting {@code identity}. */
  public ServerConfig withTls(TlsIdentity identity) {
    return new ServerConfig(
        host,
        port,
        Optional.of(identity),
        rateLimits,
        oauthTokenLifetime,
        idleTimeout,
        mail,
        webhookDelivery);
  }

  public ServerConfig withRateLimits(RateLimits limits) {
    return new ServerConfig(
        host, port, tls, limits, oauthTokenLifetime, idleTimeout, mail, webhookDelivery);
  }

  public ServerConfig withOAuthTokenLifetime(TokenLifetime lifetime) {
    return new ServerConfig(
        host, port, tls, rateLimits, lifetime, idleTimeout, mail, webhookDelivery);
  }

  public ServerConfig withIdleTimeout(Duration timeout) {
    return new ServerConfig(
        host, port, tls, rateLimits, oauthTokenLifetime, timeout, mail, webhookDelivery);
  }

  public ServerConfig withMail(MailSettings settings) {
    return new ServerConfig(
        host, port, tls, rateLimits, oauthTokenLifetime, idleTimeout, settings, webhookDelivery);
  }

  public ServerConfig withWebhookDelivery(DeliverySchedule schedule) {
    return new ServerConfig(
        host, port, tls, rateLimits, oauthTokenLifetime, idleTimeout, mail, schedule);
  }

  /** {@code https} with TLS, else {@code http}. */
  public String scheme() {
    return tls.isPresent() ? "https" : "http";
  }
}
