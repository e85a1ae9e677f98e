package dev.switchboard.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite store: one writer connection (SQLite admits one writer at a time), fed by a group
 * commit that lets concurrent writes share one durable commit, and a small pool of readers, all in
 * WAL mode with {@code synchronous=FULL}, so a committed transaction survives power loss before we
 * answer. Migrations run at open. Bound to a meter registry, it reports each group commit's
 * duration and size there. Thread-safe.
 */
public final class Database implements MeterBinder, AutoCloseable {
  private static final int READERS = 4;
  private final HikariDataSource writerPool;
  private final HikariDataSource readerPool;
  private final GroupCommit commits;
  private final Jdbi reader;

  private Database(
      HikariDataSource writerPool,
      HikariDataSource readerPool,
      UnaryOperator<DataSource> decorator) {
    this.writerPool = writerPool;
    this.readerPool = readerPool;
    Jdbi writer = jdbi(decorator.apply(writerPool));
    writer.setStatementBuilderFactory(CachingStatementBuilder.FACTORY);
    this.commits = new GroupCommit(writer);
    this.reader = jdbi(decorator.apply(readerPool));
  }

  /** Opens (creating if needed) the SQLite file and applies pending migrations. */
  public static Database openSqlite(Path file) {
    return openSqlite(file, UnaryOperator.identity());
  }

  /**
   * As {@link #openSqlite(Path)}, with every connection's data source wrapped by {@code decorator}
   * (tests count the rows each request reads this way).
   */
  public static Database openSqlite(Path file, UnaryOperator<DataSource> decorator) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (java.io.IOException e) {
      throw new StoreException("cannot create the directory for " + file, e);
    }
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    HikariDataSource writerPool = pool(url, "switchboard-writer", 1, false);
    Flyway.configure().dataSource(writerPool).locations("classpath:db/migration").load().migrate();
    // Readers open read-only, so only once the writer has created and migrated the file.
    HikariDataSource readerPool = pool(url, "switchboard-reader", READERS, true);
    return new Database(writerPool, readerPool, decorator);
  }

  private static HikariDataSource pool(String url, String name, int size, boolean readOnly) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(30_000);
    // Ids are ours (UUIDs); otherwise the driver runs a second query after every INSERT.
    config.setGetGeneratedKeys(false);
    config.setTransactionMode(
        readOnly ? SQLiteConfig.TransactionMode.DEFERRED : SQLiteConfig.TransactionMode.IMMEDIATE);
    config.setReadOnly(readOnly);
    SQLiteDataSource sqlite = new SQLiteDataSource(config);
    sqlite.setUrl(url);
    HikariConfig hikari = new HikariConfig();
    hikari.setDataSource(sqlite);
    hikari.setPoolName(name);
    hikari.setMaximumPoolSize(size);
    hikari.setMinimumIdle(size);
    hikari.setConnectionTimeout(120_000);
    hikari.setAutoCommit(true);
    hikari.setReadOnly(readOnly);
    return new HikariDataSource(hikari);
  }

  private static Jdbi jdbi(DataSource dataSource) {
    Jdbi jdbi = Jdbi.create(dataSource);
    jdbi.installPlugin(new SqlObjectPlugin());
    return jdbi;
  }

  /**
   * Runs {@code work} in a write transaction and returns once it is durably committed. Concurrent
   * writes share a commit ({@link GroupCommit}), each in its own savepoint: one that throws changes
   * nothing and does not affect the others. {@code work} runs on the committer thread and must not
   * call {@code write} itself.
   */
  public <T, X extends Exception> T write(HandleWork<T, X> work) throws X {
    return commits.write(work);
  }

  /**
   * Runs {@code work} as a write and rolls it back: the result says what it would do, the store
   * keeps nothing of it (an admin's preview before saving).
   */
  @SuppressWarnings("unchecked")
  public <T, X extends Exception> T rehearse(HandleWork<T, X> work) throws X {
    try {
      write(
          handle -> {
            throw new Rehearsed(work.run(handle));
          });
    } catch (Rehearsed rehearsed) {
      return (T) rehearsed.result;
    }
    throw new IllegalStateException("a rehearsal always ends in its rollback");
  }

  /** Carries a rehearsal's result out of the write it rolls back. */
  private static final class Rehearsed extends RuntimeException {
    private final transient Object result;

    Rehearsed(Object result) {
      super(null, null, false, false);
      this.result = result;
    }
  }

  /**
   * Records each group commit from now on in {@code registry}: {@code switchboard.store.commit} (a
   * timer by {@code outcome}) and {@code switchboard.store.commit.batch.size} (writes per commit).
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    commits.bindTo(registry);
  }

  /** Runs {@code work} in one read transaction: a consistent snapshot of the store. */
  public <T, X extends Exception> T read(HandleWork<T, X> work) throws X {
    return reader.inTransaction(work::run);
  }

  /** True when a write transaction can commit: what {@code /healthz} reports. */
  public boolean isWritable() {
    try {
      return write(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one() == 1);
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    commits.close();
    readerPool.close();
    writerPool.close();
  }

  /** A unit of work on one handle. */
  @FunctionalInterface
  public interface HandleWork<T, X extends Exception> {
    T run(Handle handle) throws X;
  }
}
