package dev.switchboard.store;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The welcome-email outbox and who was welcomed (V12). Runs inside the caller's transaction; an
 * empty {@code state} filter matches every state.
 */
@RegisterConstructorMapper(MailRow.class)
public interface MailOutboxDao {
  String COLUMNS =
      "id, user_id, user_name, product, recipient, facts_json, state, attempts, next_attempt_at,"
          + " last_error, created_at, finished_at";

  /** Remembers that the user was welcomed to {@code product}: 1 the first time, 0 after. */
  @SqlUpdate(
      "INSERT INTO welcomed_users (user_id, product, welcomed_at) VALUES (:userId, :product, :now)"
          + " ON CONFLICT (user_id, product) DO NOTHING")
  int markWelcomed(
      @Bind("userId") String userId, @Bind("product") String product, @Bind("now") long now);

  @SqlUpdate(
      "INSERT INTO mail_outbox ("
          + COLUMNS
          + ") VALUES (:id, :userId, :userName,"
          + " :product, :recipient, :factsJson, :state, :attempts, :nextAttemptAt, :lastError,"
          + " :createdAt, :finishedAt)")
  void insert(@BindMethods MailRow row);

  /** Pending emails whose next attempt is due, oldest first. */
  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM mail_outbox WHERE state = 'pending' AND next_attempt_at <= :now"
          + " ORDER BY next_attempt_at, created_at, id LIMIT :limit")
  List<MailRow> due(@Bind("now") long now, @Bind("limit") int limit);

  /** Records an attempt's outcome, only while the email is still pending. */
  @SqlUpdate(
      "UPDATE mail_outbox SET state = :state, attempts = :attempts,"
          + " next_attempt_at = :nextAttemptAt, last_error = :lastError, finished_at = :finishedAt"
          + " WHERE id = :id AND state = 'pending'")
  int finishAttempt(
      @Bind("id") String id,
      @Bind("state") String state,
      @Bind("attempts") int attempts,
      @Bind("nextAttemptAt") long nextAttemptAt,
      @Bind("lastError") String lastError,
      @Bind("finishedAt") Long finishedAt);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM mail_outbox WHERE (:state = '' OR state = :state)"
          + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
  List<MailRow> newestFirst(
      @Bind("state") String state, @Bind("offset") long offset, @Bind("limit") int limit);

  @SqlQuery("SELECT COUNT(*) FROM mail_outbox WHERE (:state = '' OR state = :state)")
  long count(@Bind("state") String state);

  /** How many emails are in each state. */
  @SqlQuery("SELECT state, COUNT(*) AS n FROM mail_outbox GROUP BY state")
  @RegisterConstructorMapper(StateCount.class)
  List<StateCount> countsByState();

  /** How many emails are in {@code state}. */
  record StateCount(String state, long n) {}
}
