package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.batch.CsvFile;
import dev.switchboard.batch.CsvFormatException;
import dev.switchboard.batch.ImportMode;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.ImportDao;
import dev.switchboard.store.ImportError;
import dev.switchboard.store.ImportRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /admin/imports}: takes a users CSV, checks its header and syntax before any row is applied
 * (a bad file is a 400 that changes nothing), then applies it in the background, one import at a
 * time, while {@link #status} shows the progress committed so far. An import the server stopped in
 * the middle of shows {@code failed} from the next start on. Thread-safe.
 */
public final class CsvImports implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CsvImports.class);
  private static final long CLOSE_WAIT_SECONDS = 10;

  private final Database database;
  private final UserService users;
  private final Clock clock;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "switchboard-import");
            thread.setDaemon(true);
            return thread;
          });

  CsvImports(Database database, UserService users, Clock clock) {
    this.database = database;
    this.users = users;
    this.clock = clock;
    failInterrupted();
  }

  /** Accepts a CSV body; returns the new import's id once the file is checked and queued. */
  public String start(InputStream body, String modeName, Caller caller) throws ScimException {
    ImportMode mode =
        ImportMode.parse(String.valueOf(modeName))
            .orElseThrow(
                () ->
                    BadRequestException.invalidValue(
                        "mode must be 'add' (add services only) or 'sync' (add and remove"
                            + " services), not '"
                            + modeName
                            + "'"));
    Path file = spool(body);
    try {
      long total;
      try (CsvFile csv = CsvFile.open(file)) {
        total = csv.countRows();
      } catch (CsvFormatException e) {
        throw BadRequestException.invalidValue(e.getMessage() + " (nothing was imported)");
      }
      String id = UUID.randomUUID().toString();
      database.write(
          handle -> {
            Daos.attach(handle, ImportDao.class)
                .insert(id, mode.wireName(), total, caller.tokenName(), clock.millis());
            return null;
          });
      worker.execute(new ImportRun(database, users, clock, id, mode, file, caller));
      return id;
    } catch (IOException e) {
      delete(file);
      throw new UncheckedIOException(e);
    } catch (ScimException | RuntimeException e) {
      delete(file);
      throw e;
    }
  }

  /** {@code {"id","mode","state","total","processed","succeeded","failed","errors"}}. */
  public ObjectNode status(String id) throws ResourceNotFoundException {
    return database.read(
        handle -> {
          ImportDao imports = Daos.attach(handle, ImportDao.class);
          ImportRecord record =
              imports
                  .find(id)
                  .orElseThrow(
                      () -> new ResourceNotFoundException("import " + id + " does not exist"));
          return render(record, imports.errors(id));
        });
  }

  private static ObjectNode render(ImportRecord record, List<ImportError> errors) {
    ObjectNode status = JsonUtils.getJsonNodeFactory().objectNode();
    status.put("id", record.id());
    status.put("mode", record.mode());
    status.put("state", record.state());
    status.put("total", record.total());
    status.put("processed", record.processed());
    status.put("succeeded", record.succeeded());
    status.put("failed", record.failed());
    ArrayNode lines = status.putArray("errors");
    for (ImportError error : errors) {
      ObjectNode line = lines.addObject();
      line.put("line", error.line());
      if (error.columnName() != null) {
        line.put("column", error.columnName());
      }
      line.put(
          "detail",
          (error.columnName() == null ? "" : "column " + error.columnName() + ": ")
              + error.detail());
    }
    return status;
  }

  /** Imports still "running" at start were cut off by a stop: their committed rows stay. */
  private void failInterrupted() {
    database.write(
        handle -> {
          ImportDao imports = Daos.attach(handle, ImportDao.class);
          for (ImportRecord record : imports.running()) {
            imports.insertErrors(
                record.id(),
                List.of(
                    new ImportError(
                        record.nextLine(),
                        null,
                        "the server stopped before this line: the rows before it are applied,"
                            + " this one and those after are not. Import the file again; rows"
                            + " already applied change nothing")));
            imports.finish(record.id(), "failed", clock.millis());
            log.warn("import {} was cut off by a stop at line {}", record.id(), record.nextLine());
          }
          return null;
        });
  }

  private static Path spool(InputStream body) {
    try {
      Path file = Files.createTempFile("switchboard-import-", ".csv");
      try {
        Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException | RuntimeException e) {
        delete(file);
        throw e;
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the uploaded file", e);
    }
  }

  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("cannot delete the import file {}", file, e);
    }
  }

  /**
   * Stops the running import at the end of its chunk (waiting for that chunk to commit); it shows
   * {@code failed} after the next start.
   */
  @Override
  public void close() {
    worker.shutdownNow();
    try {
      if (!worker.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        log.warn(
            "an import did not stop within {} s; it shows failed after the next start",
            CLOSE_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
