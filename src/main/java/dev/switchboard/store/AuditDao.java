package dev.switchboard.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Audit events: inserted, never updated or deleted. */
public interface AuditDao {
  @SqlUpdate(
      "INSERT INTO audit_events (id, user_id, product, created, last_modified, version, body)"
          + " VALUES (:id, :userId, :product, :time, :time, 1, :body)")
  void insert(
      @Bind("id") String id,
      @Bind("userId") String userId,
      @Bind("product") String product,
      @Bind("time") long time,
      @Bind("body") String body);

  @SqlQuery("SELECT id, created, last_modified, version, body FROM audit_events WHERE id = :id")
  @RegisterConstructorMapper(AdminRow.class)
  Optional<AdminRow> find(@Bind("id") String id);
}
