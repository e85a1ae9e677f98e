package dev.switchboard.store;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The store, on SQLite (the embedded default) or PostgreSQL ({@link Dialect}): one writer
 * connection fed by a group commit that lets concurrent writes share one durable commit and keeps
 * the writers of every process on the database one at a time ({@link SerializedWrites}), and a
 * small pool of readers taking consistent snapshots. Migrations run at open. Bound to a meter
 * registry, it reports each group commit's duration and size there. Thread-safe.
 */
public final class Database implements MeterBinder, AutoCloseable {
  private final HikariDataSource writerPool;
  private final HikariDataSource readerPool;
  private final GroupCommit commits;
  private final Jdbi reader;
  private final Dialect dialect;

  private Database(Dialect dialect, UnaryOperator<DataSource> decorator) {
    this.dialect = dialect;
    try (HikariDataSource migrations = dialect.migrationPool()) {
      Flyway.configure()
          .dataSource(migrations)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    }
    this.writerPool = dialect.writerPool();
    this.readerPool = dialect.readerPool();
    Jdbi writer = jdbi(decorator.apply(writerPool));
    writer.setStatementBuilderFactory(CachingStatementBuilder.FACTORY);
    this.commits = new GroupCommit(writer, dialect);
    this.reader = jdbi(decorator.apply(readerPool));
  }

  /** Opens (creating if needed) the store at {@code location} and applies pending migrations. */
  public static Database open(StoreLocation location) {
    return open(location, UnaryOperator.identity());
  }

  /**
   * As {@link #open(StoreLocation)}, with every connection's data source wrapped by {@code
   * decorator} (tests count the rows each request reads this way).
   */
  public static Database open(StoreLocation location, UnaryOperator<DataSource> decorator) {
    return new Database(Dialect.of(location), decorator);
  }

  /** Opens (creating if needed) the SQLite file and applies pending migrations. */
  public static Database openSqlite(Path file) {
    return open(new StoreLocation.SqliteFile(file));
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

  /**
   * Runs {@code work} unless another process sharing this database is running the job {@code job}
   * now (then it returns false at once): background work that must not run twice at the same time,
   * such as sending the welcome emails that are due. On SQLite, where one process owns the file, it
   * always runs.
   */
  public boolean runAlone(String job, Runnable work) {
    return dialect.runAlone(job, reader, work);
  }

  /** The names of the store's own tables (Flyway's history aside), as its database lists them. */
  public Set<String> tableNames() {
    try {
      return read(handle -> StoreTables.of(handle.getConnection()).names());
    } catch (SQLException e) {
      throw new StoreException("cannot list the store's tables", e);
    }
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
