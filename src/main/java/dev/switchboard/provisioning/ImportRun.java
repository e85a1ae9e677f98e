package dev.switchboard.provisioning;

import dev.switchboard.batch.CsvFile;
import dev.switchboard.batch.CsvFormatException;
import dev.switchboard.batch.ImportMode;
import dev.switchboard.batch.RowReader;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.ImportDao;
import dev.switchboard.store.ImportError;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one spooled CSV file, streaming it row by row. Rows commit in chunks of at most {@link
 * #CHUNK_ROWS} rows or {@link #CHUNK_MILLIS} ms, each row in its own savepoint, together with the
 * import's counters: one fsync per chunk instead of per row, the writer handed back to IdP traffic
 * between chunks, and after a crash the counters say exactly which rows are applied.
 */
final class ImportRun implements Runnable {
  static final int CHUNK_ROWS = 500;
  static final long CHUNK_MILLIS = 100;
  private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

  private final Database database;
  private final Clock clock;
  private final String id;
  private final ImportMode mode;
  private final Path file;
  private final ImportRowApplier applier;

  ImportRun(
      Database database,
      UserService users,
      Clock clock,
      String id,
      ImportMode mode,
      Path file,
      Caller caller) {
    this.database = database;
    this.clock = clock;
    this.id = id;
    this.mode = mode;
    this.file = file;
    this.applier = new ImportRowApplier(users, mode, caller);
  }

  @Override
  public void run() {
    try (CsvFile csv = CsvFile.open(file)) {
      RowReader reader = new RowReader(csv.header(), mode);
      boolean more = true;
      while (more) {
        if (Thread.currentThread().isInterrupted()) {
          log.info("import {} stopped with the server; it shows failed after the next start", id);
          return;
        }
        more = database.write(handle -> chunk(handle, csv, reader));
      }
      finish("done");
    } catch (Exception e) {
      log.error("import {} failed", id, e);
      failed(e);
    } finally {
      CsvImports.delete(file);
    }
  }

  /** Applies rows until the chunk is full or the file ends; true if rows remain. */
  private boolean chunk(Handle handle, CsvFile csv, RowReader reader) throws CsvFormatException {
    long deadline = System.nanoTime() + CHUNK_MILLIS * 1_000_000;
    List<ImportError> errors = new ArrayList<>();
    long succeeded = 0;
    for (int rows = 0; rows < CHUNK_ROWS && System.nanoTime() < deadline; rows++) {
      Optional<CsvFile.Row> row = csv.next();
      if (row.isEmpty()) {
        record(handle, succeeded, errors, csv.nextLine());
        return false;
      }
      Optional<ImportError> error;
      try {
        error = applier.apply(handle, reader.read(row.get().line(), row.get().cells()));
      } catch (CsvFormatException e) {
        error = Optional.of(new ImportError(e.line(), e.column(), reason(e)));
      }
      error.ifPresent(errors::add);
      succeeded += error.isEmpty() ? 1 : 0;
    }
    record(handle, succeeded, errors, csv.nextLine());
    return true;
  }

  private void record(Handle handle, long succeeded, List<ImportError> errors, long nextLine) {
    ImportDao imports = Daos.attach(handle, ImportDao.class);
    imports.advance(id, succeeded, errors.size(), nextLine);
    if (!errors.isEmpty()) {
      imports.insertErrors(id, errors);
    }
  }

  /** Ends the import as failed at the first row not committed, saying why. */
  private void failed(Exception cause) {
    database.write(
        handle -> {
          ImportDao imports = Daos.attach(handle, ImportDao.class);
          long line = imports.find(id).orElseThrow().nextLine();
          imports.insertErrors(
              id,
              List.of(
                  new ImportError(
                      line,
                      null,
                      "the import stopped before this line ("
                          + cause.getMessage()
                          + "); the rows before it are applied, the rest are not")));
          imports.finish(id, "failed", clock.millis());
          return null;
        });
  }

  private void finish(String state) {
    database.write(
        handle -> {
          Daos.attach(handle, ImportDao.class).finish(id, state, clock.millis());
          return null;
        });
  }

  /** The reason alone: the error line already carries the line and the column. */
  private static String reason(CsvFormatException e) {
    return e.getMessage().replaceFirst("^line \\d+(, column [^:]*)?: ", "");
  }
}
