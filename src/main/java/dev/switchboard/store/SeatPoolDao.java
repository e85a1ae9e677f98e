package dev.switchboard.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Seat pools. Taking a seat is one conditional UPDATE, so the database (not a Java lock) keeps a
 * pool within its capacity, also across processes. Runs inside the caller's transaction.
 */
@RegisterConstructorMapper(SeatPoolRow.class)
public interface SeatPoolDao {
  /**
   * Takes one seat if the pool has a free one; returns 1 when taken, 0 when full. Once per licensed
   * user, so on the fluent API (see UserDao.find).
   */
  static int tryTake(Handle handle, String id) {
    return handle
        .createUpdate(
            "UPDATE seat_pools SET in_use = in_use + 1, version = version + 1"
                + " WHERE id = :id AND (capacity IS NULL OR in_use < capacity)")
        .bind("id", id)
        .execute();
  }

  /** Gives one seat back. */
  static int release(Handle handle, String id) {
    return handle
        .createUpdate(
            "UPDATE seat_pools SET in_use = in_use - 1, version = version + 1"
                + " WHERE id = :id AND in_use > 0")
        .bind("id", id)
        .execute();
  }

  /** Sets the capacity (null = unlimited) unless seats in use exceed it; returns rows changed. */
  @SqlUpdate(
      "UPDATE seat_pools SET capacity = :capacity, version = version + 1"
          + " WHERE id = :id AND (:capacity IS NULL OR in_use <= :capacity)")
  int setCapacity(@Bind("id") String id, @Bind("capacity") Long capacity);

  @SqlQuery("SELECT id, capacity, in_use, version FROM seat_pools WHERE id = :id")
  Optional<SeatPoolRow> find(@Bind("id") String id);

  @SqlQuery("SELECT id, capacity, in_use, version FROM seat_pools ORDER BY id")
  List<SeatPoolRow> all();
}
