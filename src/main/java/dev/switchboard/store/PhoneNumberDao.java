package dev.switchboard.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The direct-number inventory and who holds which. Runs inside the caller's transaction. */
public interface PhoneNumberDao {
  /** A number's state columns. */
  record NumberState(String id, String number, String siteKey, String state, String userId) {}

  String STATE = "id, number, site_key, state, user_id";

  @SqlUpdate(
      "INSERT INTO phone_numbers (id, number, site_key, state, user_id, release_at, created,"
          + " last_modified, version, body) VALUES (:id, :number, :siteKey, 'unassigned', NULL,"
          + " NULL, :now, :now, 1, :body)")
  void insert(
      @Bind("id") String id,
      @Bind("number") String number,
      @Bind("siteKey") String siteKey,
      @Bind("now") long now,
      @Bind("body") String body);

  @SqlUpdate(
      "UPDATE phone_numbers SET number = :number, site_key = :siteKey, last_modified = :now,"
          + " version = version + 1, body = :body WHERE id = :id")
  int update(
      @Bind("id") String id,
      @Bind("number") String number,
      @Bind("siteKey") String siteKey,
      @Bind("now") long now,
      @Bind("body") String body);

  @SqlQuery("SELECT id, created, last_modified, version, body FROM phone_numbers WHERE id = :id")
  @RegisterConstructorMapper(AdminRow.class)
  Optional<AdminRow> find(@Bind("id") String id);

  @SqlQuery("SELECT " + STATE + " FROM phone_numbers WHERE id = :id")
  @RegisterConstructorMapper(NumberState.class)
  Optional<NumberState> stateOf(@Bind("id") String id);

  @SqlQuery("SELECT " + STATE + " FROM phone_numbers WHERE number = :number")
  @RegisterConstructorMapper(NumberState.class)
  Optional<NumberState> byNumber(@Bind("number") String number);

  @SqlQuery("SELECT " + STATE + " FROM phone_numbers WHERE user_id = :userId ORDER BY number")
  @RegisterConstructorMapper(NumberState.class)
  List<NumberState> heldBy(@Bind("userId") String userId);

  @SqlUpdate(
      "UPDATE phone_numbers SET state = :state, user_id = :userId, release_at = :releaseAt,"
          + " version = version + 1, last_modified = :now WHERE number = :number")
  int setState(
      @Bind("number") String number,
      @Bind("state") String state,
      @Bind("userId") String userId,
      @Bind("releaseAt") Long releaseAt,
      @Bind("now") long now);

  @SqlUpdate(
      "UPDATE phone_numbers SET state = 'unassigned', user_id = NULL, release_at = NULL,"
          + " version = version + 1, last_modified = :now"
          + " WHERE state = 'cooldown' AND release_at <= :now")
  int endCooldowns(@Bind("now") long now);

  @SqlQuery("SELECT number FROM phone_numbers WHERE state = 'held' AND release_at <= :now")
  List<String> expiredHolds(@Bind("now") long now);

  @SqlUpdate("DELETE FROM phone_numbers WHERE id = :id")
  int delete(@Bind("id") String id);
}
