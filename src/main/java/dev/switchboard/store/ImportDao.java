package dev.switchboard.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** CSV imports and their error lines. Runs inside the caller's transaction. */
@RegisterConstructorMapper(ImportRecord.class)
@RegisterConstructorMapper(ImportError.class)
public interface ImportDao {
  String COLUMNS =
      "id, mode, state, total, processed, succeeded, failed, next_line, actor, created, finished";

  @SqlUpdate(
      "INSERT INTO imports (id, mode, state, total, actor, created)"
          + " VALUES (:id, :mode, 'running', :total, :actor, :created)")
  void insert(
      @Bind("id") String id,
      @Bind("mode") String mode,
      @Bind("total") long total,
      @Bind("actor") String actor,
      @Bind("created") long created);

  @SqlQuery("SELECT " + COLUMNS + " FROM imports WHERE id = :id")
  Optional<ImportRecord> find(@Bind("id") String id);

  /** Counts a committed chunk of rows. */
  @SqlUpdate(
      "UPDATE imports SET processed = processed + :succeeded + :failed,"
          + " succeeded = succeeded + :succeeded, failed = failed + :failed,"
          + " next_line = :nextLine WHERE id = :id")
  void advance(
      @Bind("id") String id,
      @Bind("succeeded") long succeeded,
      @Bind("failed") long failed,
      @Bind("nextLine") long nextLine);

  @SqlUpdate("UPDATE imports SET state = :state, finished = :finished WHERE id = :id")
  void finish(@Bind("id") String id, @Bind("state") String state, @Bind("finished") long finished);

  @SqlQuery("SELECT " + COLUMNS + " FROM imports WHERE state = 'running'")
  List<ImportRecord> running();

  @SqlBatch(
      "INSERT INTO import_errors (import_id, line, column_name, detail)"
          + " VALUES (:importId, :e.line, :e.columnName, :e.detail)")
  void insertErrors(@Bind("importId") String importId, @BindMethods("e") List<ImportError> errors);

  @SqlQuery(
      "SELECT line, column_name, detail FROM import_errors"
          + " WHERE import_id = :id ORDER BY line")
  List<ImportError> errors(@Bind("id") String id);
}
