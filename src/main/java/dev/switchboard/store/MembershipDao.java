package dev.switchboard.store;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Group membership as a relation. Every write names the one member it touches, so changing one
 * membership of a 100k-member group reads and writes one row. Runs inside the caller's transaction.
 */
public interface MembershipDao {
  /** Adds a member; returns 0 when the user already was one. */
  @SqlUpdate(
      "INSERT INTO group_members (group_id, user_id, display) VALUES (:groupId, :userId,"
          + " :display) ON CONFLICT (group_id, user_id) DO NOTHING")
  int addIfAbsent(
      @Bind("groupId") String groupId,
      @Bind("userId") String userId,
      @Bind("display") String display);

  /** Keeps the display an IdP sends with an existing member (Okta repeats adds with it). */
  @SqlUpdate(
      "UPDATE group_members SET display = :display WHERE group_id = :groupId"
          + " AND user_id = :userId AND (display IS NULL OR display <> :display)")
  int updateDisplay(
      @Bind("groupId") String groupId,
      @Bind("userId") String userId,
      @Bind("display") String display);

  @SqlQuery("SELECT user_id FROM group_members WHERE group_id = :groupId")
  List<String> memberIds(@Bind("groupId") String groupId);

  @SqlUpdate("DELETE FROM group_members WHERE group_id = :groupId AND user_id = :userId")
  int remove(@Bind("groupId") String groupId, @Bind("userId") String userId);

  @SqlUpdate("DELETE FROM group_members WHERE group_id = :groupId")
  int removeAll(@Bind("groupId") String groupId);

  @SqlQuery(
      "SELECT m.user_id, m.display, u.display_name AS user_display_name, u.user_name"
          + " FROM group_members m JOIN users u ON u.id = m.user_id"
          + " WHERE m.group_id = :groupId ORDER BY m.user_id")
  @RegisterConstructorMapper(MemberRow.class)
  List<MemberRow> members(@Bind("groupId") String groupId);

  /** The groups of a user, by name: read with every user, so on the fluent API. */
  static List<GroupRef> groupsOf(Handle handle, String userId) {
    return handle
        .createQuery(
            "SELECT g.id, g.display_name FROM group_members m JOIN groups g ON g.id = m.group_id"
                + " WHERE m.user_id = :userId ORDER BY g.display_name_key")
        .bind("userId", userId)
        .map((rs, ctx) -> new GroupRef(rs.getString(1), rs.getString(2)))
        .list();
  }
}
