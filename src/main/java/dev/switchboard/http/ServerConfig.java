package dev.switchboard.http;

import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP server listens and guards itself, as given on the command line. Immutable; each
 * {@code with…} returns a changed copy, so tests state only what they care about.
 *
 * @param host the address to listen on
 * @param port the TCP port, 0 = any free port
 * @param tls the certificate and key to serve HTTPS with; empty = plain HTTP
 * @param rateLimits requests per second per token, by scope
 */
public record ServerConfig(
    String host, int port, Optional<TlsIdentity> tls, RateLimits rateLimits) {
  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(rateLimits, "rateLimits");
  }

  /** Loopback on {@code port} (0 = any free port), nothing else set. */
  public static ServerConfig loopback(int port) {
    return new ServerConfig("127.0.0.1", port, Optional.empty(), RateLimits.OFF);
  }

  /** HTTPS only, presenting {@code identity}. */
  public ServerConfig withTls(TlsIdentity identity) {
    return new ServerConfig(host, port, Optional.of(identity), rateLimits);
  }

  public ServerConfig withRateLimits(RateLimits limits) {
    return new ServerConfig(host, port, tls, limits);
  }

  /** {@code https} with TLS, else {@code http}. */
  public String scheme() {
    return tls.isPresent() ? "https" : "http";
  }
}
