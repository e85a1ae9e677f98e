package dev.switchboard.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Groups (without their members). Runs inside the caller's transaction. */
@RegisterConstructorMapper(GroupRow.class)
public interface GroupDao extends SqlObject {
  String TABLE = "groups";

  String COLUMNS = "id, display_name, external_id, created, last_modified, version, body";

  @SqlUpdate(
      "INSERT INTO groups (id, display_name, display_name_key, external_id, created,"
          + " last_modified, version, body) VALUES (:id, :displayName, :displayNameKey, :externalId,"
          + " :created, :lastModified, :version, :body)")
  void insertRow(@BindMethods GroupRow row);

  /** Inserts a group and counts it by creation time ({@link CreationCounts}). */
  default void insert(GroupRow row) {
    insertRow(row);
    CreationCounts.added(getHandle(), TABLE, row.created());
  }

  @SqlUpdate(
      "UPDATE groups SET display_name = :displayName, display_name_key = :displayNameKey,"
          + " external_id = :externalId, last_modified = :lastModified, version = :version,"
          + " body = :body WHERE id = :id")
  int update(@BindMethods GroupRow row);

  @SqlUpdate(
      "UPDATE groups SET last_modified = :lastModified, version = version + 1" + " WHERE id = :id")
  int touch(@Bind("id") String id, @Bind("lastModified") long lastModified);

  @SqlQuery("SELECT " + COLUMNS + " FROM groups WHERE id = :id")
  Optional<GroupRow> find(@Bind("id") String id);

  @SqlQuery("SELECT id FROM groups WHERE display_name_key = :key")
  Optional<String> idByDisplayNameKey(@Bind("key") String key);

  @SqlUpdate("DELETE FROM groups WHERE id = :id")
  int deleteRow(@Bind("id") String id);

  /** Deletes a group and its count by creation time. */
  default int delete(String id) {
    CreationCounts.removed(getHandle(), TABLE, id);
    return deleteRow(id);
  }
}
