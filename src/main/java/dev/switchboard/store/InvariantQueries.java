package dev.switchboard.store;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The store's invariants that SQL can check on its own: seat counts, numbers held twice, rows
 * pointing at nothing, derived tables out of step. Each query returns what is wrong (empty = fine),
 * in words an operator can act on. Read-only; runs inside the caller's transaction.
 */
@RegisterConstructorMapper(InvariantQueries.Holders.class)
public interface InvariantQueries {
  /** How many users hold a seat of each pool (pools nobody holds are absent). */
  record Holders(String pool, long holders) {}

  @SqlQuery(
      "SELECT cc_seat AS pool, COUNT(*) AS holders FROM users WHERE cc_seat IS NOT NULL"
          + " GROUP BY cc_seat"
          + " UNION ALL SELECT 'phone.licensed' AS pool, COUNT(*) AS holders FROM users"
          + " WHERE phone_seat")
  List<Holders> seatHolders();

  /** Up to 1,000 users after {@code afterId} in id order: the checker walks every user so. */
  @SqlQuery("SELECT " + UserDao.COLUMNS + " FROM users WHERE id > :after ORDER BY id LIMIT 1000")
  @RegisterRowMapper(UserRowMapper.class)
  List<UserRow> usersAfter(@Bind("after") String afterId);

  @SqlQuery(
      "SELECT 'agentId ' || agent_id || ' is held by ' || COUNT(*) || ' users' FROM users"
          + " WHERE agent_id IS NOT NULL GROUP BY agent_id HAVING COUNT(*) > 1")
  List<String> agentIdsHeldTwice();

  @SqlQuery(
      "SELECT 'extension ' || extension || ' is held by ' || COUNT(*) || ' users' FROM users"
          + " WHERE extension IS NOT NULL GROUP BY extension HAVING COUNT(*) > 1")
  List<String> extensionsHeldTwice();

  @SqlQuery(
      "SELECT 'user ' || u.user_name || ' holds extension ' || u.extension"
          + " || ' but the extension is not reserved for them' FROM users u"
          + " WHERE u.extension IS NOT NULL AND NOT EXISTS (SELECT 1 FROM extensions e"
          + " WHERE e.number = u.extension AND e.user_id = u.id"
          + " AND e.state IN ('assigned', 'held'))")
  List<String> extensionsNotReserved();

  @SqlQuery(
      "SELECT 'extension ' || e.number || ' is ' || e.state || ' for '"
          + " || COALESCE(u.user_name, 'missing user ' || COALESCE(e.user_id, '(none)'))"
          + " || ', who does not hold it' FROM extensions e LEFT JOIN users u ON u.id = e.user_id"
          + " WHERE e.state IN ('assigned', 'held')"
          + " AND (u.id IS NULL OR u.extension IS NULL OR u.extension <> e.number)")
  List<String> extensionsReservedForNobody();

  @SqlQuery(
      "SELECT 'extension ' || e.number || ' is assigned to ' || u.user_name"
          + " || ', who is deactivated (it should be held)' FROM extensions e"
          + " JOIN users u ON u.id = e.user_id WHERE e.state = 'assigned' AND NOT u.active"
          + " UNION ALL SELECT 'extension ' || e.number || ' is held for ' || u.user_name"
          + " || ', who is active (it should be assigned)' FROM extensions e"
          + " JOIN users u ON u.id = e.user_id WHERE e.state = 'held' AND u.active")
  List<String> extensionsInTheWrongState();

  @SqlQuery(
      "SELECT 'direct number ' || p.number || ' is ' || p.state || ' for '"
          + " || CASE WHEN u.id IS NULL THEN 'missing user ' || COALESCE(p.user_id, '(none)')"
          + " WHEN p.state = 'assigned' AND NOT u.active THEN u.user_name || ', who is deactivated'"
          + " WHEN p.state = 'assigned' THEN u.user_name || ', who has no calling package'"
          + " ELSE u.user_name || ', who is active' END"
          + " FROM phone_numbers p LEFT JOIN users u ON u.id = p.user_id"
          + " WHERE (p.state IN ('assigned', 'held') AND u.id IS NULL)"
          + " OR (p.state = 'assigned' AND (NOT u.active OR u.phone_package IS NULL))"
          + " OR (p.state = 'held' AND u.active)"
          + " UNION ALL SELECT 'direct number ' || number || ' is ' || state"
          + " || ' but names user ' || user_id FROM phone_numbers"
          + " WHERE state NOT IN ('assigned', 'held') AND user_id IS NOT NULL")
  List<String> directNumbersOutOfStep();

  @SqlQuery(
      "SELECT 'group ' || m.group_id || ' lists member ' || m.user_id || ', which does not exist'"
          + " FROM group_members m WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = m.user_id)"
          + " UNION ALL SELECT 'membership of user ' || m.user_id || ' in group ' || m.group_id"
          + " || ', which does not exist' FROM group_members m"
          + " WHERE NOT EXISTS (SELECT 1 FROM groups g WHERE g.id = m.group_id)"
          + " UNION ALL SELECT 'email row of user ' || e.user_id || ', which does not exist'"
          + " FROM user_emails e WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = e.user_id)"
          + " UNION ALL SELECT 'queue row of user ' || q.user_id || ', which does not exist'"
          + " FROM user_queues q WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = q.user_id)"
          + " UNION ALL SELECT 'user ' || u.user_name || ' is at site ' || u.phone_site"
          + " || ', which does not exist' FROM users u WHERE u.phone_site IS NOT NULL"
          + " AND NOT EXISTS (SELECT 1 FROM sites s WHERE s.id = u.phone_site)")
  List<String> danglingReferences();

  /** Live rows per table as the creation counts have them, per span (both spans must agree). */
  @SqlQuery(
      "SELECT c.table_name || ': creation counts per ' || c.span || ' ms say '"
          + " || SUM(c.live) || ', the table has '"
          + " || CASE c.table_name WHEN 'users' THEN (SELECT COUNT(*) FROM users)"
          + " ELSE (SELECT COUNT(*) FROM groups) END"
          + " FROM creation_counts c GROUP BY c.table_name, c.span"
          + " HAVING SUM(c.live) <> CASE c.table_name WHEN 'users' THEN (SELECT COUNT(*) FROM users)"
          + " ELSE (SELECT COUNT(*) FROM groups) END")
  List<String> creationCountsOutOfStep();

  @SqlQuery("SELECT COUNT(*) FROM groups")
  long groupCount();
}
