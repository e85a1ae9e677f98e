package dev.switchboard.store;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The event outbox: appended in the transaction of each change, never updated. */
public interface EventDao {
  /**
   * Appends an event after the newest one. One statement per event, on the fluent API so the
   * committer's statement cache keeps it prepared (a template can write one per member); the
   * primary key makes {@code MAX(id)} one index step, and the one writer makes it safe.
   */
  static void append(Handle handle, String type, String userId, long time, String body) {
    handle
        .createUpdate(
            "INSERT INTO events (id, type, user_id, created, body)"
                + " SELECT COALESCE(MAX(id), 0) + 1, :type, :userId, :time, :body FROM events")
        .bind("type", type)
        .bind("userId", userId)
        .bind("time", time)
        .bind("body", body)
        .execute();
  }

  /** The newest event's id, 0 when there is none. */
  @SqlQuery("SELECT COALESCE(MAX(id), 0) FROM events")
  long lastId();

  /** Up to {@code limit} events after {@code since}, oldest first. */
  @SqlQuery(
      "SELECT id, type, user_id, created, body FROM events WHERE id > :since ORDER BY id LIMIT"
          + " :limit")
  @RegisterConstructorMapper(EventRow.class)
  List<EventRow> after(@Bind("since") long since, @Bind("limit") int limit);

  @SqlQuery("SELECT COUNT(*) FROM events WHERE id > :since")
  long countAfter(@Bind("since") long since);
}
