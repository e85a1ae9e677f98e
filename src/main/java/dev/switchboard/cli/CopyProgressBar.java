package dev.switchboard.cli;

import dev.switchboard.store.StoreCopy;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A store copy's progress as a bar of rows on stderr (stdout stays the summary), drawn once the
 * copy knows how many rows it has to go. Not thread-safe: the copying thread drives it.
 */
final class CopyProgressBar implements StoreCopy.Progress, AutoCloseable {
  private ProgressBar bar;

  @Override
  public void started(long totalRows) {
    if (bar == null) {
      bar =
          new ProgressBarBuilder()
              .setTaskName("copying")
              .setInitialMax(totalRows)
              .setUnit(" rows", 1)
              .showSpeed()
              .setStyle(ProgressBarStyle.ASCII)
              .setConsumer(new ConsoleProgressBarConsumer(System.err))
              .build();
    } else {
      bar.reset(); // the target failed transiently and the copy starts over
      bar.maxHint(totalRows);
    }
  }

  @Override
  public void copied(long rows) {
    bar.stepBy(rows);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
