package dev.switchboard.http;

import dev.switchboard.provisioning.TokenLifetime;

/**
 * How the HTTP server listens and guards itself, as given on the command line. Immutable; each
 * {@code with…} returns a changed copy, so tests state only what they care about.
 *
 * @param host the address to listen on
 * @param port the TCP port, 0 = any free port
 * @param oauthTokenLifetime how long an OAuth access token from {@code /oauth/token} lives
 */
public record ServerConfig(String host, int port, TokenLifetime oauthTokenLifetime) {
  /** Loopback on {@code port} (0 = any free port), nothing else set. */
  public static ServerConfig loopback(int port) {
    return new ServerConfig("127.0.0.1", port, TokenLifetime.DEFAULT);
  }

  public ServerConfig withOAuthTokenLifetime(TokenLifetime lifetime) {
    return new ServerConfig(host, port, lifetime);
  }
}
