package dev.switchboard.cli;

import com.unboundid.scim2.common.exceptions.ScimException;
import dev.switchboard.provisioning.Caller;
import dev.switchboard.provisioning.Provisioning;
import dev.switchboard.provisioning.Scope;
import dev.switchboard.provisioning.StoreSeeder;
import dev.switchboard.scim.SchemaRegistry;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code seed --users N --group NAME=SIZE …}: loads users and large groups straight into the store
 * (benchmarks, trying the server at scale). Run it with the server stopped.
 */
@Command(
    name = "seed",
    mixinStandardHelpOptions = true,
    description = "Load many users and large groups into the store, fast (not for real data).")
public final class SeedCommand implements Callable<Integer> {
  @Option(names = "--users", defaultValue = "0", description = "how many users to add")
  long users;

  @Option(
      names = "--prefix",
      defaultValue = "user",
      description = "userNames are <prefix><n>@seed.example (default ${DEFAULT-VALUE})")
  String prefix;

  @Option(
      names = "--group",
      description = "NAME=SIZE: a group of the first SIZE users in userName order (repeatable)")
  Map<String, Long> groups = new LinkedHashMap<>();

  @Mixin StoreOption store;

  @Override
  public Integer call() throws ScimException {
    long started = System.nanoTime();
    try (Database database = store.open();
        Provisioning provisioning =
            new Provisioning(database, SchemaRegistry.load(), Clock.systemUTC())) {
      StoreSeeder seeder = provisioning.seeder();
      seeder.seedUsers(
          prefix,
          users,
          done -> {
            if (done % 100_000 == 0 || done == users) {
              System.out.printf("%,d users%n", done);
            }
          });
      for (Map.Entry<String, Long> group : groups.entrySet()) {
        String id =
            seeder.seedGroup(group.getKey(), group.getValue(), new Caller("seed", Scope.ADMIN));
        System.out.printf("group %s (%s): %,d members%n", group.getKey(), id, group.getValue());
      }
    }
    System.out.printf("seeded in %.1f s%n", (System.nanoTime() - started) / 1e9);
    return 0;
  }
}
