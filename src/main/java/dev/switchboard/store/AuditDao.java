package dev.switchboard.store;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Audit events: inserted, never updated or deleted. */
public interface AuditDao {
  /** Records one event; several per resolved user, so on the fluent API (see UserDao.find). */
  static void insert(
      Handle handle, String id, String userId, String product, long time, String body) {
    handle
        .createUpdate(
            "INSERT INTO audit_events (id, user_id, product, created, last_modified, version, body)"
                + " VALUES (:id, :userId, :product, :time, :time, 1, :body)")
        .bind("id", id)
        .bind("userId", userId)
        .bind("product", product)
        .bind("time", time)
        .bind("body", body)
        .execute();
  }

  @SqlQuery("SELECT id, created, last_modified, version, body FROM audit_events WHERE id = :id")
  @RegisterConstructorMapper(AdminRow.class)
  Optional<AdminRow> find(@Bind("id") String id);
}
