package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.licensing.SeatPoolId;
import dev.switchboard.licensing.Tier;
import dev.switchboard.scim.Representation;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.OverviewQueries;
import dev.switchboard.store.SeatPoolDao;
import dev.switchboard.store.SeatPoolRow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Seat use over time, from the audit trail: starting from each pool's exact use now, it walks the
 * licensing events back to {@code since}, undoing each, so the newest point is exact and every
 * earlier one is what the trail says changed. (A user waiting for premium keeps a standard seat;
 * the trail does not say so, so such a seat is not counted in the history.) At most {@value
 * #MAX_POINTS} points per pool, the latest of each time slice. Thread-safe.
 */
public final class SeatUsageHistory {
  static final int MAX_POINTS = 300;
  private static final List<String> PRODUCTS =
      List.of(ContactCenterLicensing.PRODUCT, PhoneLicensingEngine.PRODUCT);

  private final Database database;
  private final Clock clock;

  SeatUsageHistory(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Use of one pool at one time. */
  private record Point(long time, long inUse, long pending) {}

  /** A pool's counters while the walk goes back in time. */
  private static final class Counter {
    long inUse;
    long pending;
    final List<Point> points = new ArrayList<>();

    void mark(long time) {
      points.add(new Point(time, inUse, pending));
    }

    void add(String state, int sign) {
      if (state.equals("assigned")) {
        inUse += sign;
      } else if (state.equals("pending")) {
        pending += sign;
      }
    }
  }

  /** {"pools": [{"id", "points": [{"time", "inUse", "pending"}]}]}, oldest point first. */
  public ObjectNode since(Instant since) {
    long now = clock.millis();
    long from = Math.min(since.toEpochMilli(), now);
    Map<SeatPoolId, Counter> pools =
        database.read(
            handle -> {
              Map<SeatPoolId, Counter> counters = current(handle);
              counters.values().forEach(counter -> counter.mark(now));
              OverviewQueries.eventsSince(handle, PRODUCTS, from, event -> undo(counters, event));
              counters.values().forEach(counter -> counter.mark(from));
              return counters;
            });
    ObjectNode body = JsonUtils.getJsonNodeFactory().objectNode();
    ArrayNode list = body.putArray("pools");
    pools.forEach(
        (pool, counter) -> {
          ObjectNode entry = list.addObject();
          entry.put("id", pool.wireName());
          ArrayNode points = entry.putArray("points");
          for (Point point : thinned(counter.points, from, now)) {
            points
                .addObject()
                .put("time", Instant.ofEpochMilli(point.time()).toString())
                .put("inUse", point.inUse())
                .put("pending", point.pending());
          }
        });
    return body;
  }

  private static Map<SeatPoolId, Counter> current(Handle handle) {
    Map<SeatPoolId, Counter> counters = new EnumMap<>(SeatPoolId.class);
    for (SeatPoolRow row : Daos.attach(handle, SeatPoolDao.class).all()) {
      SeatPoolId.parse(row.id())
          .ifPresent(
              pool -> {
                Counter counter = new Counter();
                counter.inUse = row.inUse();
                counter.pending = SeatPoolService.pending(handle, pool);
                counters.put(pool, counter);
              });
    }
    return counters;
  }

  /** Marks the use right after one event (newest first), then steps the counters back over it. */
  private static void undo(Map<SeatPoolId, Counter> counters, OverviewQueries.AuditedEvent event) {
    JsonNode body = Representation.parseBody(event.body());
    String before = body.path("before").asText("none");
    String after = body.path("after").asText("none");
    touched(event.product(), before, after).forEach(pool -> counters.get(pool).mark(event.time()));
    apply(counters, event.product(), after, -1);
    apply(counters, event.product(), before, +1);
  }

  /** "premium (pending)", "licensed (assigned)" or "none" counted in (+1) or out (-1). */
  private static void apply(
      Map<SeatPoolId, Counter> counters, String product, String described, int sign) {
    pool(product, described).ifPresent(pool -> counters.get(pool).add(state(described), sign));
  }

  private static List<SeatPoolId> touched(String product, String before, String after) {
    List<SeatPoolId> pools = new ArrayList<>(2);
    pool(product, before).ifPresent(pools::add);
    pool(product, after).filter(pool -> !pools.contains(pool)).ifPresent(pools::add);
    return pools;
  }

  private static Optional<SeatPoolId> pool(String product, String described) {
    if (described.equals("none")) {
      return Optional.empty();
    }
    if (product.equals(PhoneLicensingEngine.PRODUCT)) {
      return Optional.of(SeatPoolId.PHONE_LICENSED);
    }
    return SeatPoolId.forTier(Tier.parse(described.split(" ", 2)[0]));
  }

  private static String state(String described) {
    int open = described.indexOf('(');
    return open < 0 ? "" : described.substring(open + 1, described.length() - 1);
  }

  /** Oldest first; at most MAX_POINTS, keeping the newest point of each time slice. */
  private static List<Point> thinned(List<Point> newestFirst, long from, long now) {
    List<Point> points = new ArrayList<>(newestFirst);
    Collections.reverse(points);
    if (points.size() <= MAX_POINTS) {
      return points;
    }
    double slice = Math.max(1.0, (now - from) / (double) (MAX_POINTS - 1));
    List<Point> kept = new ArrayList<>(MAX_POINTS + 1);
    for (int i = 0; i < points.size(); i++) {
      Point point = points.get(i);
      boolean lastOfSlice =
          i == points.size() - 1
              || (long) ((points.get(i + 1).time() - from) / slice)
                  != (long) ((point.time() - from) / slice);
      if (i == 0 || lastOfSlice) {
        kept.add(point);
      }
    }
    return kept;
  }
}
