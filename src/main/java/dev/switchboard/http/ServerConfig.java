package dev.switchboard.http;

/**
 * How the HTTP server listens and guards itself, as given on the command line. Immutable; each
 * {@code with…} returns a changed copy, so tests state only what they care about.
 *
 * @param host the address to listen on
 * @param port the TCP port, 0 = any free port
 */
public record ServerConfig(String host, int port) {
  /** Loopback on {@code port} (0 = any free port), nothing else set. */
  public static ServerConfig loopback(int port) {
    return new ServerConfig("127.0.0.1", port);
  }
}
