package dev.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.switchboard.TestStores;
import java.util.List;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store on a real SQLite file or PostgreSQL schema with the migrations applied. */
class DatabaseTest {
  private Database database;
  private StoreLocation location;

  @BeforeEach
  void open() {
    location = TestStores.fresh();
    database = Database.open(location);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void commitsAreDurableWalWithFullSyncAndForeignKeys() {
    assumeFalse(TestStores.onPostgres(), "SQLite's own settings");
    assertEquals("wal", pragma("journal_mode"));
    assertEquals("2", pragma("synchronous"), "2 = FULL: fsync on every commit");
    assertEquals("1", pragma("foreign_keys"));
  }

  @Test
  void migrationsAreAppliedOnceAndReopeningKeepsData() {
    insertUser("u1", "Ann");
    database.close();
    database = Database.open(location);
    assertEquals(
        List.of("u1"),
        database.read(h -> h.createQuery("SELECT id FROM users").mapTo(String.class).list()));
  }

  @Test
  void userNameIsUniqueIgnoringCaseEvenPastTheServiceCheck() {
    insertUser("u1", "Ann");
    assertThrows(UnableToExecuteStatementException.class, () -> insertUser("u2", "ANN"));
  }

  @Test
  void deletingAUserRemovesItsMembershipsAndEmails() {
    insertUser("u1", "Ann");
    database.write(
        h -> {
          h.attach(GroupDao.class).insert(new GroupRow("g1", "Sales", null, 1, 1, 1, "{}"));
          h.attach(MembershipDao.class).addIfAbsent("g1", "u1", null);
          h.attach(UserDao.class).insertEmails("u1", List.of("ann@example.com"));
          h.attach(UserDao.class).delete("u1");
          return null;
        });
    assertEquals(0L, count("group_members"));
    assertEquals(0L, count("user_emails"));
  }

  @Test
  void aFailedTransactionLeavesNothingBehind() {
    assertThrows(
        IllegalStateException.class,
        () ->
            database.write(
                h -> {
                  h.attach(UserDao.class).insert(row("u1", "Ann"));
                  throw new IllegalStateException("boom");
                }));
    assertEquals(0L, count("users"));
  }

  private void insertUser(String id, String userName) {
    database.write(
        h -> {
          h.attach(UserDao.class).insert(row(id, userName));
          return null;
        });
  }

  private static UserRow row(String id, String userName) {
    return UserRow.unresolved(id, userName, null, null, true, 1, 1, 1, "{}");
  }

  private long count(String table) {
    return database.read(
        h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }

  private String pragma(String name) {
    return database.write(h -> h.createQuery("PRAGMA " + name).mapTo(String.class).one());
  }
}
