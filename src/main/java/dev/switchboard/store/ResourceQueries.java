package dev.switchboard.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Listing queries built from a {@link SqlCondition}. Column and table names come only from {@link
 * ResourceTable}; every value is a bound parameter. Stateless.
 */
public final class ResourceQueries {
  private ResourceQueries() {}

  public static <R> long count(Handle handle, ResourceTable<R> table, SqlCondition where) {
    return handle
        .createQuery("SELECT COUNT(*) FROM " + table.name() + " WHERE " + where.sql())
        .bindMap(where.params())
        .mapTo(Long.class)
        .one();
  }

  /** One page in SQL order: {@code orderColumn} (then id, for a stable order). */
  public static <R> List<R> page(
      Handle handle,
      ResourceTable<R> table,
      SqlCondition where,
      String orderColumn,
      boolean descending,
      long offset,
      int limit) {
    String direction = descending ? " DESC" : " ASC";
    String order =
        orderColumn.equals("id") ? "id" + direction : orderColumn + direction + ", id" + direction;
    if (table.nullable(orderColumn)) {
      // RFC 7644 §3.4.2.3: resources without the sort attribute come last, in either order.
      order = "CASE WHEN " + orderColumn + " IS NULL THEN 1 ELSE 0 END, " + order;
    }
    return query(
            handle,
            table,
            "WHERE " + where.sql() + " ORDER BY " + order + " LIMIT :limit OFFSET :offset",
            where)
        .bind("limit", limit)
        .bind("offset", offset)
        .map(table.mapper())
        .list();
  }

  /**
   * One page of every row in creation order (then id), found through {@link CreationCounts}: the
   * cost does not grow with {@code offset}. Only for tables the counts keep.
   */
  public static <R> List<R> pageInCreationOrder(
      Handle handle, ResourceTable<R> table, long offset, int limit) {
    Optional<CreationCounts.Start> start = CreationCounts.startOf(handle, table.name(), offset);
    if (start.isEmpty()) {
      return List.of();
    }
    return handle
        .createQuery(
            "SELECT "
                + table.columns()
                + " FROM "
                + table.name()
                + " WHERE created >= :from ORDER BY created ASC, id ASC LIMIT :limit OFFSET :skip")
        .bind("from", start.get().from())
        .bind("limit", limit)
        .bind("skip", start.get().skip())
        .map(table.mapper())
        .list();
  }

  /** Streams every candidate in creation order without holding them all in memory. */
  public static <R> void scan(
      Handle handle, ResourceTable<R> table, SqlCondition where, Consumer<R> each) {
    try (var stream =
        query(handle, table, "WHERE " + where.sql() + " ORDER BY created, id", where)
            .setFetchSize(500)
            .map(table.mapper())
            .stream()) {
      stream.forEach(each);
    }
  }

  /** The rows with these ids, in no particular order. */
  public static <R> List<R> byIds(Handle handle, ResourceTable<R> table, Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return handle
        .createQuery("SELECT " + table.columns() + " FROM " + table.name() + " WHERE id IN (<ids>)")
        .bindList("ids", List.copyOf(ids))
        .map(table.mapper())
        .list();
  }

  private static <R> Query query(
      Handle handle, ResourceTable<R> table, String tail, SqlCondition where) {
    return handle
        .createQuery("SELECT " + table.columns() + " FROM " + table.name() + " " + tail)
        .bindMap(where.params());
  }
}
