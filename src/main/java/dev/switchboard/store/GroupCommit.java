package dev.switchboard.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: write transactions from many request threads run one after another on a single
 * committer thread, and those that queued up meanwhile share one durable commit (one fsync). Each
 * runs in its own savepoint, so one that fails is rolled back alone and its caller gets its
 * exception; the others commit ({@link SerializedWrites}, which also keeps writers of other
 * processes out and runs a batch again after a transient failure). A caller returns only after the
 * commit its work was part of, so an answer still means "on disk". With one writer at a time this
 * costs a lone writer nothing and lets concurrent writers pass the single-fsync rate. Each batch's
 * duration and size are recorded in the registries bound with {@link #bindTo} ({@link
 * CommitMetrics}). Thread-safe.
 */
final class GroupCommit implements MeterBinder, AutoCloseable {
  /** How many writes may share a commit: bounds the latency one batch adds to the next. */
  static final int MAX_BATCH = 64;

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
  private final SerializedWrites transactions;
  private final BlockingQueue<Write<?>> queue = new LinkedBlockingQueue<>();
  private final Write<Void> stop = new Write<>(handle -> null);
  private final Thread committer;
  private volatile boolean closed;

  private final CommitMetrics metrics = new CommitMetrics();

  /** One caller's work and the answer it waits for, kept until its batch is committed. */
  private static final class Write<T> implements SerializedWrites.Step {
    final Database.HandleWork<T, ?> work;
    final CompletableFuture<T> done = new CompletableFuture<>();
    T result;
    Throwable failure;

    Write(Database.HandleWork<T, ?> work) {
      this.work = work;
    }

    @Override
    public void run(Handle handle) throws Exception {
      failure = null;
      result = work.run(handle);
    }

    @Override
    public void failed(Throwable failure) {
      this.failure = failure;
    }

    void answer() {
      if (failure == null) {
        done.complete(result);
      } else {
        done.completeExceptionally(failure);
      }
    }
  }

  GroupCommit(Jdbi writer, Dialect dialect) {
    this.transactions = new SerializedWrites(writer, dialect, metrics::recordRetry);
    this.committer = new Thread(this::commitLoop, "switchboard-commit");
    committer.setDaemon(true);
    committer.start();
  }

  /** Runs {@code work} in a write transaction and returns once it is durably committed. */
  @SuppressWarnings("unchecked")
  <T, X extends Exception> T write(Database.HandleWork<T, X> work) throws X {
    if (Thread.currentThread() == committer) {
      throw new IllegalStateException("a write may not start another write from inside");
    }
    if (closed) {
      throw new StoreException("the store is closed", null);
    }
    Write<T> write = new Write<>(work);
    queue.add(write);
    try {
      return write.done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a commit", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw (X) cause; // the work's own checked exception
    }
  }

  private void commitLoop() {
    List<Write<?>> batch = new ArrayList<>(MAX_BATCH);
    boolean stopping = false;
    while (!stopping) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        continue; // only close() stops this thread, through the stop marker
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      stopping = batch.remove(stop);
      if (!batch.isEmpty()) {
        commit(batch);
      }
      batch.clear();
    }
    for (Write<?> write = queue.poll(); write != null; write = queue.poll()) {
      write.done.completeExceptionally(new StoreException("the store is closed", null));
    }
    transactions.close();
  }

  /** Records every batch from now on in {@code registry} too. */
  @Override
  public void bindTo(MeterRegistry registry) {
    metrics.bindTo(registry);
  }

  /** Commits the batch, then answers every caller. */
  private void commit(List<Write<?>> batch) {
    long started = System.nanoTime();
    try {
      transactions.commit(batch);
    } catch (RuntimeException e) {
      metrics.record(batch.size(), false, System.nanoTime() - started);
      log.error("a group commit of {} writes failed; none of them is applied", batch.size(), e);
      batch.forEach(write -> write.done.completeExceptionally(e));
      return;
    }
    metrics.record(batch.size(), true, System.nanoTime() - started);
    batch.forEach(Write::answer);
  }

  /** How many writes wait for the committer (tests line up a batch with it). */
  int queued() {
    return queue.size();
  }

  /** Commits what is queued, then stops; later writes are refused. */
  @Override
  public void close() {
    closed = true;
    queue.add(stop);
    try {
      committer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
