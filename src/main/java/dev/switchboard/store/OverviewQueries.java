package dev.switchboard.store;

import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Read-only summaries for the admin console: group sizes, range use, recent licensing events. */
public final class OverviewQueries {
  private OverviewQueries() {}

  /** A group and how many members it has. */
  public record GroupSize(String id, String displayName, String displayNameKey, long members) {}

  /** An audit event's product, time and body, for replaying seat use. */
  public record AuditedEvent(String product, long time, String body) {}

  /** Groups whose displayName contains {@code search} (any case; null = all), by name. */
  public static List<GroupSize> groups(Handle handle, String search, long offset, int count) {
    return whereNameContains(
            handle,
            "SELECT g.id, g.display_name, g.display_name_key,"
                + " (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id) AS members"
                + " FROM groups g",
            search,
            " ORDER BY g.display_name_key, g.id LIMIT :count OFFSET :offset")
        .bind("count", count)
        .bind("offset", offset)
        .map(
            (rs, ctx) ->
                new GroupSize(
                    rs.getString("id"),
                    rs.getString("display_name"),
                    rs.getString("display_name_key"),
                    rs.getLong("members")))
        .list();
  }

  /** How many groups {@link #groups} would page through. */
  public static long groupCount(Handle handle, String search) {
    return whereNameContains(handle, "SELECT COUNT(*) FROM groups g", search, "")
        .mapTo(Long.class)
        .one();
  }

  private static Query whereNameContains(Handle handle, String select, String search, String rest) {
    String pattern = pattern(search);
    if (pattern == null) {
      return handle.createQuery(select + rest);
    }
    return handle
        .createQuery(select + " WHERE g.display_name_key LIKE :pattern ESCAPE '!'" + rest)
        .bind("pattern", pattern);
  }

  private static String pattern(String search) {
    if (search == null || search.isBlank()) {
      return null;
    }
    String escaped = CaselessKey.of(search.trim()).replaceAll("[!%_]", "!$0");
    return "%" + escaped + "%";
  }

  /** Extension numbers taken (assigned, held or cooling down) inside one range. */
  public static long extensionsTaken(Handle handle, SiteRange range) {
    return handle
        .createQuery(
            "SELECT COUNT(*) FROM extensions WHERE digits = :digits"
                + " AND number_value BETWEEN :from AND :to")
        .bind("digits", range.digits())
        .bind("from", range.rangeFrom())
        .bind("to", range.rangeTo())
        .mapTo(Long.class)
        .one();
  }

  /** Events of these products at or after {@code since}, newest first, one at a time. */
  public static void eventsSince(
      Handle handle, List<String> products, long since, Consumer<AuditedEvent> each) {
    handle
        .createQuery(
            "SELECT product, created, body FROM audit_events"
                + " WHERE product IN (<products>) AND created >= :since"
                + " ORDER BY created DESC, id DESC")
        .bindList("products", products)
        .bind("since", since)
        .setFetchSize(1000)
        .map((rs, ctx) -> new AuditedEvent(rs.getString(1), rs.getLong(2), rs.getString(3)))
        .useStream(events -> events.forEach(each));
  }
}
