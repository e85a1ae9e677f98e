package dev.switchboard.cli;

import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import dev.switchboard.provisioning.Caller;
import dev.switchboard.provisioning.OAuthClientService;
import dev.switchboard.provisioning.OAuthClientService.ClientInfo;
import dev.switchboard.provisioning.OAuthClientService.NewClient;
import dev.switchboard.provisioning.OAuthClientService.NewSecret;
import dev.switchboard.provisioning.OAuthClientService.SecretInfo;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code client create|list|delete} and {@code client secret add|revoke}: OAuth clients for the
 * client credentials grant, in the store directly (as {@link TokenCommand} does for API tokens).
 */
@Command(
    name = "client",
    mixinStandardHelpOptions = true,
    subcommands = ClientCommand.SecretCommand.class,
    description = "Create, list and delete OAuth clients (client credentials grant).")
public final class ClientCommand {
  @Command(name = "create", description = "Create a client; print its id and first secret once.")
  int create(
      @Option(names = "--name", required = true, description = "a name for the client") String name,
      @Option(names = "--scope", required = true, description = "idp or admin") String scope,
      @Mixin StoreOption store) {
    return run(
        "client create",
        store,
        clients -> {
          NewClient created = clients.create(name, scope, Caller.CLI);
          System.out.println("client_id     " + created.client().id());
          System.out.println("client_secret " + created.secret().secret());
          System.out.println("secret id     " + created.secret().secretId());
          return 0;
        });
  }

  @Command(name = "list", description = "List clients and their secret ids, never secrets.")
  int list(@Mixin StoreOption store) {
    return run(
        "client list",
        store,
        clients -> {
          for (ClientInfo client : clients.list()) {
            System.out.printf(
                "%-30s %-36s %-6s %s secrets: %s%n",
                client.name(),
                client.id(),
                client.scope().wireName(),
                Instant.ofEpochMilli(client.created()),
                client.secrets().stream().map(SecretInfo::id).collect(Collectors.joining(", ")));
          }
          return 0;
        });
  }

  @Command(name = "delete", description = "Delete a client: its tokens stop working at once.")
  int delete(@Parameters(paramLabel = "NAME") String name, @Mixin StoreOption store) {
    return run(
        "client delete",
        store,
        clients -> {
          clients.delete(idOf(clients, name), Caller.CLI);
          System.out.println("deleted " + name);
          return 0;
        });
  }

  /** {@code client secret add|revoke}. */
  @Command(
      name = "secret",
      mixinStandardHelpOptions = true,
      description = "Add or revoke a client's secrets (two at most, for rotation).")
  static final class SecretCommand {
    @Command(name = "add", description = "Add a secret to the client; print it once.")
    int add(@Parameters(paramLabel = "NAME") String name, @Mixin StoreOption store) {
      return run(
          "client secret add",
          store,
          clients -> {
            NewSecret secret = clients.addSecret(idOf(clients, name), Caller.CLI);
            System.out.println("client_secret " + secret.secret());
            System.out.println("secret id     " + secret.secretId());
            return 0;
          });
    }

    @Command(name = "revoke", description = "Revoke a secret and the tokens issued under it.")
    int revoke(
        @Parameters(index = "0", paramLabel = "NAME") String name,
        @Parameters(index = "1", paramLabel = "SECRET_ID") String secretId,
        @Mixin StoreOption store) {
      return run(
          "client secret revoke",
          store,
          clients -> {
            clients.revokeSecret(idOf(clients, name), secretId, Caller.CLI);
            System.out.println("revoked secret " + secretId + " of " + name);
            return 0;
          });
    }
  }

  @FunctionalInterface
  private interface Work {
    int run(OAuthClientService clients) throws ScimException;
  }

  /** Runs {@code work} on the store; a refusal is printed as {@code command: detail}, exit 1. */
  private static int run(String command, StoreOption store, Work work) {
    try (Database database = store.open()) {
      return work.run(new OAuthClientService(database, Clock.systemUTC()));
    } catch (ScimException e) {
      System.err.println(command + ": " + e.getScimError().getDetail());
      return 1;
    }
  }

  private static String idOf(OAuthClientService clients, String name) throws ScimException {
    return clients
        .idOf(name)
        .orElseThrow(() -> new ResourceNotFoundException("no OAuth client named " + name));
  }
}
