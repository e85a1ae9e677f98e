package dev.switchboard.cli;

import picocli.CommandLine.Option;

/** Where a client command finds a running server, and the admin token it sends. */
final class ServerOptions {
  @Option(
      names = "--url",
      required = true,
      description = "the server, e.g. http://127.0.0.1:8080 (a …/scim/v2 base works too)")
  String url;

  @Option(
      names = "--token",
      defaultValue = "${env:SWITCHBOARD_TOKEN}",
      description = "an admin token (default: the SWITCHBOARD_TOKEN environment variable)")
  String token;

  AdminClient client() {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("give an admin token: --token or SWITCHBOARD_TOKEN");
    }
    return new AdminClient(url, token);
  }
}
