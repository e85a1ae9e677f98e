package dev.switchboard.store;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The agent-id cursor: every id from the first one up to {@code next_free} is taken. Runs inside
 * the caller's transaction.
 */
public interface AgentIdDao {
  @SqlQuery("SELECT next_free FROM agent_id_cursor WHERE id = 1")
  long nextFree();

  /**
   * The lowest id from {@code from} that nobody holds: walks the agent-id index upwards from {@code
   * from} and stops at the first gap, so it reads only the run of taken ids that starts there.
   */
  @SqlQuery(
      "SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM users WHERE agent_id = :from) THEN :from"
          + " ELSE (SELECT u.agent_id + 1 FROM users u WHERE u.agent_id >= :from"
          + " AND NOT EXISTS (SELECT 1 FROM users v WHERE v.agent_id = u.agent_id + 1)"
          + " ORDER BY u.agent_id LIMIT 1) END")
  long lowestFreeFrom(@Bind("from") long from);

  @SqlUpdate("UPDATE agent_id_cursor SET next_free = :nextFree WHERE id = 1")
  void moveTo(@Bind("nextFree") long nextFree);

  /** An id was given back: the cursor may no longer pass it. */
  @SqlUpdate("UPDATE agent_id_cursor SET next_free = :id WHERE id = 1 AND next_free > :id")
  void released(@Bind("id") long id);
}
