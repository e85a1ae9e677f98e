package dev.switchboard.store;

import org.jdbi.v3.core.Handle;

/**
 * The agent-id cursor: every id from the first one up to {@code next_free} is taken. Used once per
 * newly licensed user, so plain fluent statements (see UserDao.find). Runs inside the caller's
 * transaction. Stateless.
 */
public final class AgentIdCursor {
  private AgentIdCursor() {}

  public static long nextFree(Handle handle) {
    return handle
        .createQuery("SELECT next_free FROM agent_id_cursor WHERE id = 1")
        .mapTo(Long.class)
        .one();
  }

  /**
   * The lowest id from {@code from} that nobody holds: walks the agent-id index upwards from {@code
   * from} and stops at the first gap, so it reads only the run of taken ids that starts there.
   */
  public static long lowestFreeFrom(Handle handle, long from) {
    return handle
        .createQuery(
            "SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM users WHERE agent_id = :from) THEN :from"
                + " ELSE (SELECT u.agent_id + 1 FROM users u WHERE u.agent_id >= :from"
                + " AND NOT EXISTS (SELECT 1 FROM users v WHERE v.agent_id = u.agent_id + 1)"
                + " ORDER BY u.agent_id LIMIT 1) END")
        .bind("from", from)
        .mapTo(Long.class)
        .one();
  }

  public static void moveTo(Handle handle, long nextFree) {
    handle
        .createUpdate("UPDATE agent_id_cursor SET next_free = :nextFree WHERE id = 1")
        .bind("nextFree", nextFree)
        .execute();
  }

  /** An id was given back: the cursor may no longer pass it. */
  public static void released(Handle handle, long id) {
    handle
        .createUpdate("UPDATE agent_id_cursor SET next_free = :id WHERE id = 1 AND next_free > :id")
        .bind("id", id)
        .execute();
  }
}
