package dev.switchboard.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Users and their indexed email keys. Runs inside the caller's transaction. */
@RegisterRowMapper(UserRowMapper.class)
public interface UserDao extends SqlObject {
  String TABLE = "users";
  UserRowMapper MAPPER = new UserRowMapper();

  /** Every read of users selects exactly these, in this order ({@link UserRowMapper}). */
  String COLUMNS =
      "id, user_name, external_id, display_name, active, created, last_modified, version, body,"
          + " cc_effective, cc_state, cc_seat, cc_pending_since, cc_sources, agent_id,"
          + " phone_licensed, phone_state, phone_seat, phone_pending_since, phone_sources,"
          + " phone_package, phone_site, extension";

  @SqlUpdate(
      "INSERT INTO users (id, user_name, user_name_key, external_id, display_name,"
          + " display_name_key, active, created, last_modified, version, body) VALUES (:id,"
          + " :userName, :userNameKey, :externalId, :displayName, :displayNameKey, :active,"
          + " :created, :lastModified, :version, :body)")
  void insertRow(@BindMethods UserRow row);

  /** Inserts a user, counts it by creation time, and lists its queues ({@link UserQueues}). */
  default void insert(UserRow row) {
    insertRow(row);
    CreationCounts.added(getHandle(), TABLE, row.created());
    UserQueues.added(getHandle(), row.id(), row.body());
  }

  @SqlUpdate(
      "UPDATE users SET user_name = :userName, user_name_key = :userNameKey,"
          + " external_id = :externalId, display_name = :displayName,"
          + " display_name_key = :displayNameKey, active = :active,"
          + " last_modified = :lastModified, version = :version, body = :body WHERE id = :id")
  int updateRow(@BindMethods UserRow row);

  /** Updates a user and its queue rows. */
  default int update(UserRow row) {
    int updated = updateRow(row);
    UserQueues.changed(getHandle(), row.id(), row.body());
    return updated;
  }

  /**
   * The user with this id. The hottest read of all, so it runs on the fluent API: a SqlObject
   * method call copies the handle's configuration each time (jdbi/jdbi#2617), which cost more than
   * the query itself.
   */
  static Optional<UserRow> find(Handle handle, String id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
        .bind("id", id)
        .map(MAPPER)
        .findOne();
  }

  /**
   * Stores what licensing resolved; the body is left to {@link #update}. Once per resolved user, so
   * on the fluent API.
   */
  static int updateLicensing(Handle handle, String id, UserLicensing licensing, long now) {
    return handle
        .createUpdate(
            "UPDATE users SET cc_effective = :l.effective, cc_state = :l.state, cc_seat = :l.seat,"
                + " cc_pending_since = :l.pendingSince, cc_sources = :l.sources,"
                + " agent_id = :l.agentId, version = version + 1, last_modified = :now"
                + " WHERE id = :id")
        .bind("id", id)
        .bindMethods("l", licensing)
        .bind("now", now)
        .execute();
  }

  /** Stores what phone licensing resolved. */
  @SqlUpdate(
      "UPDATE users SET phone_licensed = :p.licensed, phone_state = :p.state,"
          + " phone_seat = :p.seat, phone_pending_since = :p.pendingSince,"
          + " phone_sources = :p.sources, phone_package = :p.callingPackage,"
          + " phone_site = :p.siteId, extension = :p.extension, version = version + 1,"
          + " last_modified = :now WHERE id = :id")
  int updatePhone(
      @Bind("id") String id, @BindMethods("p") PhoneLicensing phone, @Bind("now") long now);

  /** Rewrites only the body (licensing dropped numbers the user may no longer hold). */
  @SqlUpdate("UPDATE users SET body = :body WHERE id = :id")
  int updateBodyRow(@Bind("id") String id, @Bind("body") String body);

  /** Rewrites only the body and keeps its queue rows. */
  default int updateBody(String id, String body) {
    int updated = updateBodyRow(id, body);
    UserQueues.changed(getHandle(), id, body);
    return updated;
  }

  /** The user who has waited longest for a phone seat or number, on any site. */
  @SqlQuery("SELECT id FROM users WHERE phone_state = 'pending' ORDER BY phone_pending_since, id")
  List<String> phonePending();

  @SqlQuery("SELECT id FROM users WHERE phone_licensed ORDER BY created, id")
  List<String> phoneLicensedIds();

  @SqlQuery("SELECT COUNT(*) FROM users WHERE phone_state = 'pending' AND NOT phone_seat")
  long phoneSeatPendingCount();

  @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id IN (<ids>)")
  List<UserRow> findAll(@BindList("ids") Collection<String> ids);

  @SqlQuery("SELECT id FROM users WHERE agent_id = :agentId")
  Optional<String> idByAgentId(@Bind("agentId") long agentId);

  /** The user who has waited longest for a seat of {@code tier}, if any. */
  @SqlQuery(
      "SELECT id FROM users WHERE cc_state = 'pending' AND cc_effective = :tier"
          + " ORDER BY cc_pending_since, id LIMIT 1")
  Optional<String> oldestPending(@Bind("tier") String tier);

  @SqlQuery("SELECT COUNT(*) FROM users WHERE cc_state = 'pending' AND cc_effective = :tier")
  long pendingCount(@Bind("tier") String tier);

  /** The page of users after {@code afterKey} in userName order (keyset paging for exports). */
  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM users WHERE user_name_key > :after ORDER BY user_name_key LIMIT :limit")
  List<UserRow> pageByUserName(@Bind("after") String afterKey, @Bind("limit") int limit);

  @SqlQuery("SELECT id FROM users WHERE user_name_key = :key")
  Optional<String> idByUserNameKey(@Bind("key") String key);

  @SqlQuery("SELECT id FROM users WHERE id IN (<ids>)")
  List<String> existingIds(@BindList("ids") Collection<String> ids);

  @SqlUpdate("DELETE FROM users WHERE id = :id")
  int deleteRow(@Bind("id") String id);

  /** Deletes a user and its count by creation time. */
  default int delete(String id) {
    CreationCounts.removed(getHandle(), TABLE, id);
    return deleteRow(id);
  }

  @SqlUpdate("DELETE FROM user_emails WHERE user_id = :userId")
  void deleteEmails(@Bind("userId") String userId);

  @SqlBatch("INSERT INTO user_emails (user_id, value_key) VALUES (:userId, :valueKey)")
  void insertEmails(@Bind("userId") String userId, @Bind("valueKey") Collection<String> keys);
}
