package dev.switchboard.store;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch of writes as one transaction that no other write transaction interleaves with — not
 * of this process, nor of any other process on the same database ({@link
 * Dialect#excludeOtherWriters}) — each write in its own savepoint, and runs the whole batch again
 * after a transient failure. Every rule that reads before it writes (a free seat, the lowest free
 * extension or agent id, the next event id, a userName not yet taken) therefore sees every
 * committed write of every process; the database's unique and check constraints stand behind it.
 *
 * <p><b>Idempotency contract.</b> A step may run more than once. When the transaction fails
 * transiently before its commit was sent (a lost connection, a deadlock, a serialization failure:
 * {@link Dialect#isTransient}), nothing of it is applied, and every step of the batch runs again,
 * from the start, on a new connection, up to {@link #ATTEMPTS} times in all. A step must therefore
 * act only through the handle it is given and keep its outcome until told it is committed: no mail
 * sent, no event published, no cache changed while it runs. A step that fails on its own (a SCIM
 * error) is rolled back to its savepoint alone and its failure is its outcome, so the others still
 * commit. When the commit itself fails without telling whether it took effect (the connection
 * dropped during COMMIT), the batch is not run again — repeating a create would answer 409 to a
 * write that happened — and {@link #commit} throws {@link CommitOutcomeUnknown}. Not thread-safe:
 * one committer thread owns it.
 */
final class SerializedWrites implements AutoCloseable {
  static final int ATTEMPTS = 5;

  private static final Logger log = LoggerFactory.getLogger(SerializedWrites.class);
  private static final String SAVEPOINT = "serialized_write";

  private final Jdbi writer;
  private final Dialect dialect;
  private final Runnable onRetry;
  private Handle handle;

  /** One write of a batch. */
  interface Step {
    /** Runs the write; its result is kept until {@link #commit} returns. */
    void run(Handle handle) throws Exception;

    /** Records the write's own failure (it is rolled back alone). */
    void failed(Throwable failure);
  }

  /** The commit was sent and its answer lost: the batch may or may not be applied. */
  static final class CommitOutcomeUnknown extends StoreException {
    CommitOutcomeUnknown(Throwable cause) {
      super("the store did not confirm the commit; the change may or may not be applied", cause);
    }
  }

  /** {@code onRetry} is told each time a batch is about to run again. */
  SerializedWrites(Jdbi writer, Dialect dialect, Runnable onRetry) {
    this.writer = writer;
    this.dialect = dialect;
    this.onRetry = onRetry;
  }

  /**
   * Commits {@code steps} together: returns once they are durably committed, each with the outcome
   * of its last run; throws when the batch as a whole could not be committed.
   */
  void commit(List<? extends Step> steps) {
    for (int attempt = 1; ; attempt++) {
      try {
        attempt(steps);
        return;
      } catch (TransientFailure e) {
        discardHandle();
        if (attempt == ATTEMPTS) {
          throw new StoreException(
              "the store failed " + ATTEMPTS + " times in a row; nothing was applied", e.cause);
        }
        onRetry.run();
        log.warn("a write batch failed transiently (attempt {}); running it again", attempt, e);
        pause(attempt);
      } catch (RuntimeException e) {
        discardHandle();
        throw e;
      }
    }
  }

  private void attempt(List<? extends Step> steps) {
    Handle handle = handle();
    try {
      handle.begin();
      dialect.excludeOtherWriters(handle);
      for (Step step : steps) {
        handle.execute("SAVEPOINT " + SAVEPOINT);
        try {
          step.run(handle);
          handle.execute("RELEASE SAVEPOINT " + SAVEPOINT);
        } catch (Exception | Error e) {
          throwIfTransient(e);
          handle.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
          handle.execute("RELEASE SAVEPOINT " + SAVEPOINT);
          step.failed(e);
        }
      }
    } catch (RuntimeException e) {
      rollbackQuietly(handle);
      throwIfTransient(e);
      throw e;
    }
    try {
      handle.commit();
    } catch (RuntimeException e) {
      SQLException sql = sqlCause(e);
      if (sql != null && dialect.isCertainRollback(sql)) {
        throw new TransientFailure(e); // refused at commit: certainly rolled back
      }
      throw new CommitOutcomeUnknown(e);
    }
  }

  private void throwIfTransient(Throwable failure) {
    SQLException sql = sqlCause(failure);
    if (sql != null && dialect.isTransient(sql)) {
      throw new TransientFailure(failure);
    }
  }

  private static SQLException sqlCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }

  private static void pause(int attempt) {
    long bound = 10L << attempt; // 20, 40, 80, 160 ms at most, at random: contenders spread out
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting to run a write again", e);
    }
  }

  /**
   * The handle, kept open across batches: SqlObjects attached to it (see {@link Daos}) then stay
   * attached. A batch that fails closes it, so a broken connection is replaced.
   */
  private Handle handle() {
    if (handle == null) {
      handle = writer.open();
    }
    return handle;
  }

  private void discardHandle() {
    if (handle == null) {
      return;
    }
    try {
      handle.close();
    } catch (RuntimeException e) {
      log.warn("closing the writer handle after a failed commit failed", e);
    }
    handle = null;
  }

  private static void rollbackQuietly(Handle handle) {
    try {
      handle.rollback();
    } catch (RuntimeException e) {
      log.warn("rollback after a failed write batch failed too", e);
    }
  }

  @Override
  public void close() {
    discardHandle();
  }

  /** A failure that rolled the whole batch back and allows running it again. */
  private static final class TransientFailure extends RuntimeException {
    final Throwable cause;

    TransientFailure(Throwable cause) {
      super(cause.getMessage(), cause, false, false);
      this.cause = cause;
    }
  }
}
