package dev.switchboard.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * How many users or groups were created in each second and each hour (V6), kept in the caller's
 * transaction by the DAOs' inserts and deletes. From them a page at any offset of the creation
 * order starts at the right second: at most the hours, then one hour's seconds are summed, then at
 * most one second's rows are stepped. Stateless.
 */
public final class CreationCounts {
  static final long SECOND = 1_000;
  static final long HOUR = 3_600_000;

  private CreationCounts() {}

  /** True for the tables whose rows are counted: users and groups. */
  public static boolean keeps(String table) {
    return table.equals(UserDao.TABLE) || table.equals(GroupDao.TABLE);
  }

  /** Where the row at {@code offset} of the creation order is: at or after {@code from}, skip. */
  public record Start(long from, long skip) {}

  private record Bucket(long bucket, long live) {}

  static void added(Handle handle, String table, long created) {
    handle
        .createUpdate(
            "INSERT INTO creation_counts (table_name, span, bucket, live)"
                + " VALUES (:table, :second, :inSecond, 1), (:table, :hour, :inHour, 1)"
                + " ON CONFLICT (table_name, span, bucket)"
                + " DO UPDATE SET live = creation_counts.live + 1")
        .bind("table", table)
        .bind("second", SECOND)
        .bind("inSecond", created / SECOND)
        .bind("hour", HOUR)
        .bind("inHour", created / HOUR)
        .execute();
  }

  /** Before the row with {@code id} is deleted from {@code table}. */
  static void removed(Handle handle, String table, String id) {
    handle
        .createUpdate(
            "UPDATE creation_counts SET live = live - 1 WHERE table_name = :table AND ("
                + "(span = :second AND bucket = (SELECT created FROM "
                + table
                + " WHERE id = :id) / :second) OR (span = :hour AND bucket = (SELECT created FROM "
                + table
                + " WHERE id = :id) / :hour))")
        .bind("table", table)
        .bind("second", SECOND)
        .bind("hour", HOUR)
        .bind("id", id)
        .execute();
  }

  /** How many rows {@code table} holds. */
  public static long total(Handle handle, String table) {
    return handle
        .createQuery(
            "SELECT COALESCE(SUM(live), 0) FROM creation_counts"
                + " WHERE table_name = :table AND span = :hour")
        .bind("table", table)
        .bind("hour", HOUR)
        .mapTo(Long.class)
        .one();
  }

  /** Where the row at {@code offset} (0-based) of the creation order starts; empty past the end. */
  public static Optional<Start> startOf(Handle handle, String table, long offset) {
    long before = 0;
    for (Bucket hour : buckets(handle, table, HOUR, Long.MIN_VALUE, Long.MAX_VALUE)) {
      if (before + hour.live() > offset) {
        long firstSecond = hour.bucket() * (HOUR / SECOND);
        for (Bucket second :
            buckets(handle, table, SECOND, firstSecond, firstSecond + HOUR / SECOND)) {
          if (before + second.live() > offset) {
            return Optional.of(new Start(second.bucket() * SECOND, offset - before));
          }
          before += second.live();
        }
        return Optional.empty(); // the two widths disagree: not when kept in one transaction
      }
      before += hour.live();
    }
    return Optional.empty();
  }

  private static List<Bucket> buckets(
      Handle handle, String table, long span, long fromBucket, long toBucket) {
    return handle
        .createQuery(
            "SELECT bucket, live FROM creation_counts WHERE table_name = :table AND span = :span"
                + " AND bucket >= :from AND bucket < :to AND live > 0 ORDER BY bucket")
        .bind("table", table)
        .bind("span", span)
        .bind("from", fromBucket)
        .bind("to", toBucket)
        .map((rs, ctx) -> new Bucket(rs.getLong(1), rs.getLong(2)))
        .list();
  }
}
