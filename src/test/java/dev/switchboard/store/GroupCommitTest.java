package dev.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Group commit on a real SQLite file: writes that queued together share one commit, a write that
 * fails inside a shared batch changes nothing and gets its own exception, a commit that fails fails
 * every write of its batch, and nothing of a failed write is ever visible. Each commit's duration
 * and size reach a bound meter registry.
 */
class GroupCommitTest {
  private static final int WRITERS = 20;
  @TempDir Path dir;
  private final AtomicInteger commits = new AtomicInteger();
  private Jdbi jdbi;
  private GroupCommit group;
  private ExecutorService clients;

  /** A checked exception, as a use case's ScimException would be. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  @BeforeEach
  void open() {
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    SQLiteDataSource sqlite = new SQLiteDataSource(config);
    sqlite.setUrl("jdbc:sqlite:" + dir.resolve("group.db"));
    jdbi = Jdbi.create(sqlite);
    jdbi.useHandle(
        h -> {
          h.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
          h.execute(
              "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id)"
                  + " DEFERRABLE INITIALLY DEFERRED)");
        });
    Jdbi counted = Jdbi.create(sqlite);
    counted.setTransactionHandler(
        new org.jdbi.v3.core.transaction.LocalTransactionHandler() {
          @Override
          public void commit(org.jdbi.v3.core.Handle handle) {
            commits.incrementAndGet();
            super.commit(handle);
          }
        });
    group = new GroupCommit(counted, new Dialect.Sqlite(dir.resolve("group.db")));
    clients = Executors.newFixedThreadPool(WRITERS + 1);
  }

  @AfterEach
  void close() throws InterruptedException {
    group.close();
    clients.shutdownNow();
    clients.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void writesThatQueueTogetherShareOneCommitAndAFailedOneChangesNothing() throws Exception {
    Future<Object> blocker = holdTheCommitterUntilQueued(WRITERS);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 1; i <= WRITERS; i++) {
      int id = i;
      answers.add(
          clients.submit(
              () ->
                  group.write(
                      handle -> {
                        handle.execute("INSERT INTO parent (id) VALUES (?)", id);
                        if (id % 5 == 0) {
                          throw new Refused("write " + id + " refused after its insert");
                        }
                        return id;
                      })));
    }
    blocker.get(30, TimeUnit.SECONDS);
    for (int i = 1; i <= WRITERS; i++) {
      Future<Integer> answer = answers.get(i - 1);
      if (i % 5 == 0) {
        ExecutionException failure = assertThrows(ExecutionException.class, answer::get);
        assertInstanceOf(Refused.class, failure.getCause());
        assertEquals("write " + i + " refused after its insert", failure.getCause().getMessage());
      } else {
        assertEquals(i, answer.get(30, TimeUnit.SECONDS));
      }
    }
    assertEquals(2, commits.get(), "one commit for the blocker, one for all queued writes");
    assertEquals(
        List.of(1, 2, 3, 4, 6, 7, 8, 9, 11, 12, 13, 14, 16, 17, 18, 19),
        jdbi.withHandle(
            h -> h.createQuery("SELECT id FROM parent ORDER BY id").mapTo(Integer.class).list()),
        "every acknowledged write is there, nothing of a refused one");
  }

  @Test
  void eachCommitRecordsItsDurationAndHowManyWritesItCarried() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    group.bindTo(registry);
    Future<Object> blocker = holdTheCommitterUntilQueued(5);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      int id = i;
      answers.add(clients.submit(() -> group.write(handle -> id)));
    }
    blocker.get(30, TimeUnit.SECONDS);
    for (Future<Integer> answer : answers) {
      answer.get(30, TimeUnit.SECONDS);
    }

    DistributionSummary sizes = registry.get("switchboard.store.commit.batch.size").summary();
    assertEquals(2, sizes.count(), "the blocker's commit and the shared one");
    assertEquals(6, sizes.totalAmount());
    assertEquals(5, sizes.max());
    assertEquals(
        2, registry.get("switchboard.store.commit").tag("outcome", "committed").timer().count());
    assertEquals(
        0, registry.get("switchboard.store.commit").tag("outcome", "failed").timer().count());
  }

  @Test
  void aCommitThatFailsFailsEveryWriteOfItsBatch() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    group.bindTo(registry);
    Future<Object> blocker = holdTheCommitterUntilQueued(2);
    Future<Integer> good =
        clients.submit(
            () ->
                group.write(
                    handle -> {
                      handle.execute("INSERT INTO parent (id) VALUES (100)");
                      return 100;
                    }));
    Future<Integer> dangling =
        clients.submit(
            () ->
                group.write(
                    handle -> {
                      // passes its statement; the deferred key fails the shared commit
                      handle.execute("INSERT INTO child (id, parent_id) VALUES (1, 999)");
                      return 1;
                    }));
    blocker.get(30, TimeUnit.SECONDS);
    assertThrows(ExecutionException.class, () -> good.get(30, TimeUnit.SECONDS));
    assertThrows(ExecutionException.class, () -> dangling.get(30, TimeUnit.SECONDS));
    int left =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM parent WHERE id = 100")
                    .mapTo(Integer.class)
                    .one());
    assertEquals(0, left, "a write is only there when its commit succeeded");
    assertEquals(
        1, registry.get("switchboard.store.commit").tag("outcome", "failed").timer().count());
    Integer next = group.write(handle -> 7);
    assertEquals(7, next, "the committer goes on after a failed commit");
  }

  @Test
  void aWriteMayNotStartAnotherFromInside() {
    Exception refused =
        assertThrows(IllegalStateException.class, () -> group.write(handle -> group.write(h -> 1)));
    assertTrue(refused.getMessage().contains("from inside"));
  }

  @Test
  void afterCloseWritesAreRefused() {
    group.close();
    assertThrows(StoreException.class, () -> group.write(handle -> 1));
  }

  /**
   * Occupies the committer with a write that waits until {@code count} more are queued; returns
   * once it runs, so the writes submitted next queue behind it.
   */
  private Future<Object> holdTheCommitterUntilQueued(int count) throws InterruptedException {
    CountDownLatch running = new CountDownLatch(1);
    Future<Object> blocker =
        clients.submit(
            () ->
                group.write(
                    handle -> {
                      running.countDown();
                      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                      while (group.queued() < count && System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                      }
                      assertEquals(count, group.queued(), "the writes did not queue up");
                      return null;
                    }));
    assertTrue(running.await(20, TimeUnit.SECONDS));
    return blocker;
  }
}
