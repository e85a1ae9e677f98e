package dev.switchboard.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Everything that differs between the two engines, and nothing else: how connections are made and
 * pooled, how a write transaction shuts out every other writer, and which failures leave a write
 * safe to run again. The SQL of the DAOs and migrations is the same on both.
 */
sealed interface Dialect {
  /** The pool of the one connection the group commit writes on. */
  HikariDataSource writerPool();

  /** A pool for the migrations only, closed once they ran (Flyway needs two on PostgreSQL). */
  HikariDataSource migrationPool();

  /** The pool readers take snapshots from; each transaction on it sees one consistent state. */
  HikariDataSource readerPool();

  /**
   * Called first in every write transaction: returns once no other write transaction, of this
   * process or another on the same database, can run until this one ends.
   */
  void excludeOtherWriters(Handle handle);

  /**
   * Runs {@code work} unless another process on the same database is running the job named {@code
   * job} right now; returns whether it ran. {@code session} lends a connection to hold the claim on
   * for the duration (the work itself reads and writes on other connections).
   */
  boolean runAlone(String job, Jdbi session, Runnable work);

  /** True when {@code failure} rolled the transaction back and running it again may succeed. */
  boolean isTransient(SQLException failure);

  /**
   * True when {@code failure}, even as the answer to COMMIT, means the server rolled the
   * transaction back (a refusal, not a lost connection): nothing of it was applied.
   */
  boolean isCertainRollback(SQLException failure);

  static Dialect of(StoreLocation location) {
    if (location instanceof StoreLocation.Postgres postgres) {
      return new Postgres(postgres);
    }
    return new Sqlite(((StoreLocation.SqliteFile) location).file());
  }

  private static HikariConfig pool(String name, int size, boolean readOnly) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(name);
    hikari.setMaximumPoolSize(size);
    hikari.setMinimumIdle(size);
    hikari.setConnectionTimeout(120_000);
    hikari.setAutoCommit(true);
    hikari.setReadOnly(readOnly);
    return hikari;
  }

  /**
   * SQLite in WAL mode with {@code synchronous=FULL}, so a committed transaction survives power
   * loss. Writers open with {@code BEGIN IMMEDIATE}, which takes the file's write lock at once.
   */
  final class Sqlite implements Dialect {
    private static final int READERS = 4;
    private final String url;

    Sqlite(Path file) {
      try {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
      } catch (IOException e) {
        throw new StoreException("cannot create the directory for " + file, e);
      }
      this.url = "jdbc:sqlite:" + file.toAbsolutePath();
    }

    @Override
    public HikariDataSource writerPool() {
      return pool("switchboard-writer", 1, false);
    }

    @Override
    public HikariDataSource migrationPool() {
      return pool("switchboard-migration", 1, false);
    }

    @Override
    public HikariDataSource readerPool() {
      // Readers open read-only, so only once the writer has created and migrated the file.
      return pool("switchboard-reader", READERS, true);
    }

    private HikariDataSource pool(String name, int size, boolean readOnly) {
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
      config.enforceForeignKeys(true);
      config.setBusyTimeout(30_000);
      // Ids are ours (UUIDs); otherwise the driver runs a second query after every INSERT.
      config.setGetGeneratedKeys(false);
      config.setTransactionMode(
          readOnly
              ? SQLiteConfig.TransactionMode.DEFERRED
              : SQLiteConfig.TransactionMode.IMMEDIATE);
      config.setReadOnly(readOnly);
      SQLiteDataSource sqlite = new SQLiteDataSource(config);
      sqlite.setUrl(url);
      HikariConfig hikari = Dialect.pool(name, size, readOnly);
      hikari.setDataSource(sqlite);
      return new HikariDataSource(hikari);
    }

    @Override
    public void excludeOtherWriters(Handle handle) {
      // BEGIN IMMEDIATE already holds the file's one write lock.
    }

    @Override
    public boolean runAlone(String job, Jdbi session, Runnable work) {
      work.run(); // one process per file: its workers already take turns
      return true;
    }

    @Override
    public boolean isTransient(SQLException failure) {
      return false; // a busy file is waited for (busy timeout), never failed and retried
    }

    @Override
    public boolean isCertainRollback(SQLException failure) {
      return false;
    }
  }

  /**
   * PostgreSQL shared by several processes. Write transactions take one transaction-scoped advisory
   * lock first, so writes from every process run one at a time, as on SQLite, and each statement
   * (read committed) sees everything committed before the lock was granted: the check-then-write
   * rules (seats, lowest free numbers and agent ids, event order) hold across processes, and the
   * unique and check constraints stand behind them. Readers run repeatable-read snapshots.
   */
  final class Postgres implements Dialect {
    /**
     * The advisory lock spaces (first key; "SWBD" and "SWBJ" in ASCII): writers lock the store's
     * schema in one, background jobs their schema and name in the other, so stores in different
     * schemas of one database never wait for each other.
     */
    static final int WRITE_LOCKS = 0x53574244;

    static final int JOB_LOCKS = 0x5357424A;

    private static final int READERS = 8;
    private final StoreLocation.Postgres location;

    Postgres(StoreLocation.Postgres location) {
      this.location = location;
    }

    @Override
    public HikariDataSource writerPool() {
      return connect(pool("switchboard-writer", 1, false));
    }

    @Override
    public HikariDataSource migrationPool() {
      return connect(pool("switchboard-migration", 2, false));
    }

    @Override
    public HikariDataSource readerPool() {
      HikariConfig hikari = pool("switchboard-reader", READERS, true);
      hikari.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
      return connect(hikari);
    }

    /** Opens the pool; a server that cannot be reached or refuses us fails in one sentence. */
    private HikariDataSource connect(HikariConfig config) {
      try {
        return new HikariDataSource(config);
      } catch (HikariPool.PoolInitializationException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw new StoreException(
            "cannot connect to PostgreSQL at "
                + location.describe()
                + (location.user() == null ? "" : " as " + location.user())
                + ": "
                + cause.getMessage(),
            e);
      }
    }

    private HikariConfig pool(String name, int size, boolean readOnly) {
      HikariConfig hikari = Dialect.pool(name, size, readOnly);
      hikari.setJdbcUrl(location.url());
      if (location.user() != null) {
        hikari.setUsername(location.user());
      }
      if (location.password() != null) {
        hikari.setPassword(location.password());
      }
      hikari.addDataSourceProperty("ApplicationName", name); // told apart in pg_stat_activity
      return hikari;
    }

    @Override
    public void excludeOtherWriters(Handle handle) {
      handle
          .createQuery(
              "SELECT 1 FROM (SELECT pg_advisory_xact_lock(:space, hashtext(current_schema())))"
                  + " AS granted")
          .bind("space", WRITE_LOCKS)
          .mapTo(Integer.class)
          .one();
    }

    /**
     * A session-level advisory lock on the job in this schema: held while the work runs, and
     * released by PostgreSQL too if the process dies with it.
     */
    @Override
    public boolean runAlone(String job, Jdbi session, Runnable work) {
      return session.withHandle(
          handle -> {
            if (!jobLock(handle, "pg_try_advisory_lock", job)) {
              return false;
            }
            try {
              work.run();
            } finally {
              jobLock(handle, "pg_advisory_unlock", job);
            }
            return true;
          });
    }

    private static boolean jobLock(Handle handle, String function, String job) {
      return handle
          .createQuery("SELECT " + function + "(:space, hashtext(current_schema() || '/' || :job))")
          .bind("space", JOB_LOCKS)
          .bind("job", job)
          .mapTo(Boolean.class)
          .one();
    }

    @Override
    public boolean isTransient(SQLException failure) {
      String state = String.valueOf(failure.getSQLState());
      // a connection lost or ended by the server (restart, failover, an admin's
      // pg_terminate_backend) before the commit was sent
      return isCertainRollback(failure) || state.startsWith("08") || state.startsWith("57P0");
    }

    /** A serialization failure or a deadlock. */
    @Override
    public boolean isCertainRollback(SQLException failure) {
      String state = String.valueOf(failure.getSQLState());
      return state.equals("40001") || state.equals("40P01");
    }
  }
}
