package dev.switchboard.cli;

import java.io.PrintStream;

/**
 * Shows an import's progress: a bar redrawn in place on a terminal, a plain line at every tenth
 * otherwise (logs and CI keep them readable). Not thread-safe.
 */
final class ProgressReport {
  private static final int WIDTH = 30;
  private final PrintStream out;
  private final boolean terminal;
  private long lastTenth = -1;

  ProgressReport(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  void show(long processed, long total, long failed) {
    long percent = total == 0 ? 100 : processed * 100 / total;
    if (terminal) {
      int filled = (int) (percent * WIDTH / 100);
      out.printf(
          "\r[%s%s] %3d%%  %,d/%,d rows, %,d failed",
          "#".repeat(filled), " ".repeat(WIDTH - filled), percent, processed, total, failed);
      out.flush();
    } else if (percent / 10 > lastTenth) {
      lastTenth = percent / 10;
      out.printf("%d%%: %,d/%,d rows, %,d failed%n", percent, processed, total, failed);
    }
  }

  void end() {
    if (terminal) {
      out.println();
    }
  }
}
