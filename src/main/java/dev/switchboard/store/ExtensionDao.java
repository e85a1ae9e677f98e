package dev.switchboard.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Extension numbers in use: assigned, held for a deactivated user, or cooling down after release.
 * The primary key on the number makes each unique across the deployment, also under concurrency.
 */
public interface ExtensionDao {
  /** The lowest number of [from, to] (with {@code digits} digits) that has no row, or null. */
  @SqlQuery(
      "SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM extensions WHERE digits = :digits"
          + " AND number_value = :from) THEN :from ELSE (SELECT MIN(e.number_value + 1)"
          + " FROM extensions e WHERE e.digits = :digits AND e.number_value >= :from"
          + " AND e.number_value < :to AND NOT EXISTS (SELECT 1 FROM extensions f"
          + " WHERE f.digits = :digits AND f.number_value = e.number_value + 1)) END")
  Long lowestFree(@Bind("from") long from, @Bind("to") long to, @Bind("digits") int digits);

  @SqlUpdate(
      "INSERT INTO extensions (number, number_value, digits, user_id, state, release_at)"
          + " VALUES (:number, :value, :digits, :userId, 'assigned', NULL)")
  void take(
      @Bind("number") String number,
      @Bind("value") long value,
      @Bind("digits") int digits,
      @Bind("userId") String userId);

  @SqlQuery("SELECT user_id FROM extensions WHERE number = :number AND user_id IS NOT NULL")
  Optional<String> holder(@Bind("number") String number);

  @SqlQuery("SELECT COUNT(*) FROM extensions WHERE number = :number AND user_id = :userId")
  long isHeldBy(@Bind("number") String number, @Bind("userId") String userId);

  @SqlQuery("SELECT COUNT(*) FROM extensions WHERE number = :number")
  long exists(@Bind("number") String number);

  @SqlUpdate("UPDATE extensions SET state = :state, release_at = :releaseAt WHERE number = :number")
  int mark(
      @Bind("number") String number,
      @Bind("state") String state,
      @Bind("releaseAt") Long releaseAt);

  /** Releases a number: gone at once, or cooling down (nobody's) until {@code releaseAt}. */
  @SqlUpdate(
      "UPDATE extensions SET state = 'cooldown', user_id = NULL, release_at = :releaseAt"
          + " WHERE number = :number")
  int coolDown(@Bind("number") String number, @Bind("releaseAt") long releaseAt);

  @SqlUpdate("DELETE FROM extensions WHERE number = :number")
  int delete(@Bind("number") String number);

  @SqlUpdate("DELETE FROM extensions WHERE state = 'cooldown' AND release_at <= :now")
  int endCooldowns(@Bind("now") long now);

  @SqlQuery("SELECT number FROM extensions WHERE state = 'held' AND release_at <= :now")
  List<String> expiredHolds(@Bind("now") long now);
}
