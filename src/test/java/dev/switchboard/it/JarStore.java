package dev.switchboard.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.TestStores;
import dev.switchboard.store.StoreLocation;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A store as the jar is told of it: the {@code --db} value and the environment it needs (the
 * PostgreSQL credentials). Immutable.
 */
record JarStore(String db, Map<String, String> env) {
  /** The SQLite file {@code file}. */
  static JarStore sqlite(Path file) {
    return new JarStore(file.toString(), Map.of());
  }

  /** A fresh schema on the PostgreSQL of {@link TestStores}; skips the test when there is none. */
  static JarStore postgres() {
    assumeTrue(
        TestStores.onPostgres(),
        "needs PostgreSQL: give -D"
            + TestStores.POSTGRES_PROPERTY
            + "=jdbc:postgresql://HOST:PORT/DB, -D"
            + TestStores.USER_PROPERTY
            + " and -D"
            + TestStores.PASSWORD_PROPERTY);
    StoreLocation.Postgres store = (StoreLocation.Postgres) TestStores.fresh();
    Map<String, String> env = new HashMap<>();
    if (store.user() != null) {
      env.put(StoreLocation.USER_VARIABLE, store.user());
    }
    if (store.password() != null) {
      env.put(StoreLocation.PASSWORD_VARIABLE, store.password());
    }
    return new JarStore(store.url(), Map.copyOf(env));
  }

  /** The store's environment with {@code name}={@code value} added. */
  Map<String, String> envWith(String name, String value) {
    Map<String, String> all = new HashMap<>(env);
    all.put(name, value);
    return Map.copyOf(all);
  }
}
