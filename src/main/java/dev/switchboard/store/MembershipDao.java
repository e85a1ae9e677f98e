package dev.switchboard.store;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Group membership as a relation. Every write names the one member it touches, so changing one
 * membership of a 100k-member group reads and writes one row. Runs inside the caller's transaction.
 */
public interface MembershipDao {
  /** Adds a member; a repeated add keeps the row (and its display, unless a new one is sent). */
  @SqlUpdate(
      "INSERT INTO group_members (group_id, user_id, display) VALUES (:groupId, :userId,"
          + " :display) ON CONFLICT (group_id, user_id) DO UPDATE"
          + " SET display = COALESCE(excluded.display, group_members.display)")
  int add(
      @Bind("groupId") String groupId,
      @Bind("userId") String userId,
      @Bind("display") String display);

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

  @SqlQuery(
      "SELECT g.id, g.display_name FROM group_members m JOIN groups g ON g.id = m.group_id"
          + " WHERE m.user_id = :userId ORDER BY g.display_name_key")
  @RegisterConstructorMapper(GroupRef.class)
  List<GroupRef> groupsOf(@Bind("userId") String userId);
}
