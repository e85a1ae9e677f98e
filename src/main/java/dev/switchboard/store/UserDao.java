package dev.switchboard.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Users and their indexed email keys. Runs inside the caller's transaction. */
@RegisterConstructorMapper(UserRow.class)
public interface UserDao {
  String COLUMNS =
      "id, user_name, external_id, display_name, active, created, last_modified, version, body";

  @SqlUpdate(
      "INSERT INTO users (id, user_name, user_name_key, external_id, display_name, active,"
          + " created, last_modified, version, body) VALUES (:id, :userName, :userNameKey,"
          + " :externalId, :displayName, :active, :created, :lastModified, :version, :body)")
  void insert(@BindMethods UserRow row);

  @SqlUpdate(
      "UPDATE users SET user_name = :userName, user_name_key = :userNameKey,"
          + " external_id = :externalId, display_name = :displayName, active = :active,"
          + " last_modified = :lastModified, version = :version, body = :body WHERE id = :id")
  int update(@BindMethods UserRow row);

  @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
  Optional<UserRow> find(@Bind("id") String id);

  @SqlQuery("SELECT id FROM users WHERE user_name_key = :key")
  Optional<String> idByUserNameKey(@Bind("key") String key);

  @SqlQuery("SELECT id FROM users WHERE id IN (<ids>)")
  List<String> existingIds(@BindList("ids") Collection<String> ids);

  @SqlUpdate("DELETE FROM users WHERE id = :id")
  int delete(@Bind("id") String id);

  @SqlUpdate("DELETE FROM user_emails WHERE user_id = :userId")
  void deleteEmails(@Bind("userId") String userId);

  @SqlBatch("INSERT INTO user_emails (user_id, value_key) VALUES (:userId, :valueKey)")
  void insertEmails(@Bind("userId") String userId, @Bind("valueKey") Collection<String> keys);
}
