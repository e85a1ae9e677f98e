package dev.switchboard.store;

import java.util.List;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Bulk inserts for seeding a store at scale (benchmarks, trying the server). */
public interface SeedDao extends SqlObject {
  @SqlBatch(
      "INSERT INTO users (id, user_name, user_name_key, external_id, display_name,"
          + " display_name_key, active, created, last_modified, version, body) VALUES (:id,"
          + " :userName, :userNameKey, :externalId, :displayName, :displayNameKey, :active,"
          + " :created, :lastModified, :version, :body)")
  void insertUserRows(@BindMethods List<UserRow> rows);

  /** Inserts users and counts them by creation time ({@link CreationCounts}). */
  default void insertUsers(List<UserRow> rows) {
    insertUserRows(rows);
    for (UserRow row : rows) {
      CreationCounts.added(getHandle(), UserDao.TABLE, row.created());
      UserQueues.added(getHandle(), row.id(), row.body());
    }
  }

  @SqlBatch("INSERT INTO user_emails (user_id, value_key) VALUES (:userId, :valueKey)")
  void insertEmails(@Bind("userId") List<String> userIds, @Bind("valueKey") List<String> keys);

  @SqlBatch(
      "INSERT INTO group_members (group_id, user_id, display) VALUES (:groupId, :userId, NULL)"
          + " ON CONFLICT (group_id, user_id) DO NOTHING")
  void addMembers(@Bind("groupId") String groupId, @Bind("userId") List<String> userIds);

  /** The ids of the users after {@code afterKey} in userName order. */
  @SqlQuery("SELECT id FROM users WHERE user_name_key > :after ORDER BY user_name_key LIMIT :limit")
  List<String> idsAfter(@Bind("after") String afterKey, @Bind("limit") int limit);

  @SqlQuery("SELECT user_name_key FROM users WHERE id = :id")
  String userNameKey(@Bind("id") String id);
}
