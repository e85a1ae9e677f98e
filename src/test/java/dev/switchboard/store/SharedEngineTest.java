package dev.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.TestStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL shared by several stores, as several processes share it (each {@link Database} has its
 * own pools and sessions, exactly as a process would): their write transactions never interleave,
 * so a rule that reads before it writes holds across them; and a write whose connection the server
 * dropped runs again on a new one and lands once.
 */
class SharedEngineTest {
  private static final int STORES = 3;
  private static final int WRITERS_EACH = 4;
  private static final int WRITES_EACH = 40;

  private StoreLocation location;

  @BeforeEach
  void freshSchema() {
    assumeTrue(TestStores.onPostgres(), "needs PostgreSQL: set " + TestStores.POSTGRES_PROPERTY);
    location = TestStores.fresh();
  }

  @Test
  void readThenWriteRulesHoldAcrossStoresOnOneDatabase() throws Exception {
    List<Database> stores = new ArrayList<>();
    ExecutorService writers = Executors.newFixedThreadPool(STORES * WRITERS_EACH);
    try {
      for (int n = 0; n < STORES; n++) {
        stores.add(Database.open(location));
      }
      stores.get(0).write(h -> h.execute("CREATE TABLE tickets (number BIGINT NOT NULL)"));
      List<Future<Object>> done = new ArrayList<>();
      for (Database store : stores) {
        for (int w = 0; w < WRITERS_EACH; w++) {
          done.add(writers.submit(takeTickets(store)));
        }
      }
      for (Future<Object> writer : done) {
        writer.get(2, TimeUnit.MINUTES);
      }
      List<Long> numbers =
          stores
              .get(1)
              .read(
                  h ->
                      h.createQuery("SELECT number FROM tickets ORDER BY number")
                          .mapTo(Long.class)
                          .list());
      int total = STORES * WRITERS_EACH * WRITES_EACH;
      assertEquals(total, numbers.size());
      for (int n = 0; n < total; n++) {
        assertEquals(n + 1, numbers.get(n), "every next number taken exactly once");
      }
    } finally {
      writers.shutdownNow();
      stores.forEach(Database::close);
    }
  }

  /** Takes the next free number by reading the highest: wrong at once if two writes interleave. */
  private static Callable<Object> takeTickets(Database store) {
    return () -> {
      for (int n = 0; n < WRITES_EACH; n++) {
        store.write(
            h -> {
              long next = highest(h) + 1;
              Thread.onSpinWait();
              return h.execute("INSERT INTO tickets (number) VALUES (?)", next);
            });
      }
      return null;
    };
  }

  private static long highest(Handle handle) {
    return handle
        .createQuery("SELECT COALESCE(MAX(number), 0) FROM tickets")
        .mapTo(Long.class)
        .one();
  }

  @Test
  void storesInOtherSchemasOfTheDatabaseDoNotWaitForEachOther() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try (Database held = Database.open(location);
        Database other = Database.open(TestStores.fresh())) {
      Future<Object> holder =
          writer.submit(
              () ->
                  held.write(
                      h -> {
                        holding.countDown();
                        return release.await(1, TimeUnit.MINUTES);
                      }));
      holding.await(1, TimeUnit.MINUTES);
      Future<Integer> meanwhile =
          Executors.newSingleThreadExecutor()
              .submit(() -> other.write(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()));
      try {
        assertEquals(1, meanwhile.get(30, TimeUnit.SECONDS));
      } finally {
        release.countDown();
        holder.get(1, TimeUnit.MINUTES);
      }
    } finally {
      writer.shutdownNow();
    }
  }

  @Test
  void aWriteWhoseConnectionWasDroppedRunsAgainAndLandsOnce() throws Exception {
    try (Database store = Database.open(location)) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      store.bindTo(registry);
      int writer =
          store.write(
              h -> {
                h.execute("CREATE TABLE notes (text VARCHAR(20) NOT NULL)");
                return h.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one();
              });
      terminate(writer);

      store.write(h -> h.execute("INSERT INTO notes (text) VALUES ('after the drop')"));

      assertEquals(
          List.of("after the drop"),
          store.read(h -> h.createQuery("SELECT text FROM notes").mapTo(String.class).list()));
      assertEquals(1.0, registry.get("switchboard.store.commit.retries").counter().count());
    }
  }

  /** What a PostgreSQL restart or failover does to the writer: its session ends under it. */
  private static void terminate(int backend) throws Exception {
    try (Connection admin = TestStores.dataSource(TestStores.shared()).getConnection();
        Statement statement = admin.createStatement()) {
      statement.execute("SELECT pg_terminate_backend(" + backend + ")");
    }
  }
}
