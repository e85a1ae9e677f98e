package dev.switchboard.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks on their own threads, all released at the same moment, and returns their results in
 * task order: the most contention a test can make.
 */
final class Race {
  private Race() {}

  static <T> List<T> run(List<Callable<T>> tasks) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> running = new ArrayList<>();
      for (Callable<T> task : tasks) {
        running.add(
            threads.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> result : running) {
        results.add(result.get(2, TimeUnit.MINUTES));
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }

  /** {@code count} copies of {@code task}, each given its index. */
  static <T> List<T> times(int count, IndexedTask<T> task) throws Exception {
    List<Callable<T>> tasks = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      int index = n;
      tasks.add(() -> task.call(index));
    }
    return run(tasks);
  }

  interface IndexedTask<T> {
    T call(int index) throws Exception;
  }
}
