package dev.switchboard.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Webhook endpoints: their configuration (the admin's writes) and their delivery state (the
 * delivery worker's writes, which leave the configuration alone). Runs inside the caller's
 * transaction.
 */
public interface WebhookDao {
  String COLUMNS = "id, created, last_modified, version, body";
  String DELIVERY_COLUMNS =
      "id, url, secret, active, state, last_error, delivered_through, failing_since, attempts,"
          + " next_attempt, body";

  @SqlUpdate(
      "INSERT INTO webhooks (id, url, secret, active, state, last_error, delivered_through,"
          + " failing_since, attempts, next_attempt, created, last_modified, version, body)"
          + " VALUES (:id, :url, :secret, :active, :state, NULL, :cursor, NULL, 0, 0, :now, :now,"
          + " 1, :body)")
  void insert(
      @Bind("id") String id,
      @Bind("url") String url,
      @Bind("secret") String secret,
      @Bind("active") boolean active,
      @Bind("state") String state,
      @Bind("cursor") long cursor,
      @Bind("now") long now,
      @Bind("body") String body);

  /** An admin's change; delivery starts over at once (a resumed or mended endpoint). */
  @SqlUpdate(
      "UPDATE webhooks SET url = :url, secret = :secret, active = :active, state = :state,"
          + " last_error = CASE WHEN :active THEN NULL ELSE last_error END,"
          + " failing_since = NULL, attempts = 0, next_attempt = 0, last_modified = :now,"
          + " version = version + 1, body = :body WHERE id = :id")
  int update(
      @Bind("id") String id,
      @Bind("url") String url,
      @Bind("secret") String secret,
      @Bind("active") boolean active,
      @Bind("state") String state,
      @Bind("now") long now,
      @Bind("body") String body);

  @SqlQuery("SELECT " + COLUMNS + " FROM webhooks WHERE id = :id")
  @RegisterConstructorMapper(AdminRow.class)
  Optional<AdminRow> find(@Bind("id") String id);

  @SqlQuery("SELECT " + DELIVERY_COLUMNS + " FROM webhooks WHERE id = :id")
  @RegisterConstructorMapper(WebhookRow.class)
  Optional<WebhookRow> delivery(@Bind("id") String id);

  @SqlQuery("SELECT " + DELIVERY_COLUMNS + " FROM webhooks ORDER BY created, id")
  @RegisterConstructorMapper(WebhookRow.class)
  List<WebhookRow> all();

  @SqlUpdate("DELETE FROM webhooks WHERE id = :id")
  void delete(@Bind("id") String id);

  /** Events up to {@code cursor} were delivered: the endpoint is healthy again. */
  @SqlUpdate(
      "UPDATE webhooks SET delivered_through = :cursor, state = 'ok', last_error = NULL,"
          + " failing_since = NULL, attempts = 0, next_attempt = 0"
          + " WHERE id = :id AND active AND delivered_through < :cursor")
  int delivered(@Bind("id") String id, @Bind("cursor") long cursor);

  /** An attempt failed: the next one is due at {@code nextAttempt}. */
  @SqlUpdate(
      "UPDATE webhooks SET delivered_through = :cursor, state = 'failing', last_error = :error,"
          + " failing_since = COALESCE(failing_since, :now), attempts = attempts + 1,"
          + " next_attempt = :nextAttempt WHERE id = :id AND active")
  int failed(
      @Bind("id") String id,
      @Bind("cursor") long cursor,
      @Bind("error") String error,
      @Bind("now") long now,
      @Bind("nextAttempt") long nextAttempt);

  /** Failing too long: the endpoint stops until an admin sets {@code active} again. */
  @SqlUpdate(
      "UPDATE webhooks SET active = FALSE, state = 'paused', last_modified = :now,"
          + " version = version + 1 WHERE id = :id AND active")
  int pause(@Bind("id") String id, @Bind("now") long now);
}
