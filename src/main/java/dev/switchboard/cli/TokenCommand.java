package dev.switchboard.cli;

import dev.switchboard.provisioning.Caller;
import dev.switchboard.provisioning.Scope;
import dev.switchboard.provisioning.TokenService;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code token create|list|revoke}: manage API tokens in the store. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Create, list and revoke API tokens.")
public final class TokenCommand {
  @Command(name = "create", description = "Create a token and print it once.")
  int create(
      @Option(names = "--name", required = true, description = "a name for the token") String name,
      @Option(names = "--scope", required = true, description = "idp or admin") String scope,
      @Mixin StoreOption store) {
    try (Database database = store.open()) {
      System.out.println(service(database).create(name, Scope.parse(scope), Caller.CLI));
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("token create: " + e.getMessage());
      return 2;
    }
  }

  @Command(name = "list", description = "List tokens (names and scopes, never secrets).")
  int list(@Mixin StoreOption store) {
    try (Database database = store.open()) {
      for (TokenService.TokenInfo token : service(database).list()) {
        System.out.printf(
            "%-40s %-6s %s%n",
            token.name(), token.scope().wireName(), Instant.ofEpochMilli(token.created()));
      }
      return 0;
    }
  }

  @Command(name = "revoke", description = "Revoke a token by name.")
  int revoke(@Parameters(paramLabel = "NAME") String name, @Mixin StoreOption store) {
    try (Database database = store.open()) {
      if (service(database).revoke(name, Caller.CLI)) {
        System.out.println("revoked " + name);
        return 0;
      }
      System.err.println("token revoke: no token named " + name);
      return 1;
    }
  }

  private static TokenService service(Database database) {
    return new TokenService(database, Clock.systemUTC());
  }
}
