package dev.switchboard.store;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The configuration change log: inserted in the transaction of the change, never updated. An empty
 * {@code type} filter matches every type. Runs inside the caller's transaction.
 */
@RegisterConstructorMapper(ConfigChangeRow.class)
public interface ConfigChangeDao {
  /** Appends a change after the newest (the one writer makes {@code seq} safe to compute). */
  @SqlUpdate(
      "INSERT INTO config_changes (id, seq, changed_at, actor, action, resource_type,"
          + " resource_id, resource_name, before_json, after_json)"
          + " SELECT :id, COALESCE(MAX(seq), 0) + 1, :changedAt, :actor, :action, :resourceType,"
          + " :resourceId, :resourceName, :beforeJson, :afterJson FROM config_changes")
  void insert(@BindMethods ConfigChangeRow row);

  @SqlQuery(
      "SELECT id, changed_at, actor, action, resource_type, resource_id, resource_name,"
          + " before_json, after_json FROM config_changes"
          + " WHERE (:type = '' OR resource_type = :type) AND changed_at >= :since"
          + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
  List<ConfigChangeRow> newestFirst(
      @Bind("type") String type,
      @Bind("since") long since,
      @Bind("offset") long offset,
      @Bind("limit") int limit);

  @SqlQuery(
      "SELECT COUNT(*) FROM config_changes"
          + " WHERE (:type = '' OR resource_type = :type) AND changed_at >= :since")
  long count(@Bind("type") String type, @Bind("since") long since);
}
