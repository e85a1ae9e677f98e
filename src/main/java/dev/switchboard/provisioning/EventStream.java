package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.scim.Representation;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.EventDao;
import dev.switchboard.store.EventRow;
import java.util.List;

/**
 * The event stream as consumers see it: each event's payload (exactly what a webhook receives),
 * replayed after an id ({@code GET /admin/events?since=}). Thread-safe.
 */
public final class EventStream {
  /** The most events one page holds. */
  public static final int MAX_COUNT = 1000;

  private final Database database;

  EventStream(Database database) {
    this.database = database;
  }

  /**
   * Up to {@code count} events after {@code since}, oldest first; {@code totalResults} counts every
   * event after {@code since}, so a consumer pages on by passing the last id it got.
   */
  public ListResult after(long since, int count) throws BadRequestException {
    if (since < 0 || count < 0) {
      throw BadRequestException.invalidValue("since and count cannot be negative");
    }
    int limit = Math.min(count, MAX_COUNT);
    return database.read(
        handle -> {
          EventDao events = Daos.attach(handle, EventDao.class);
          List<ObjectNode> page =
              events.after(since, limit).stream().map(EventStream::payload).toList();
          return new ListResult(events.countAfter(since), 1, page);
        });
  }

  /** An event's payload: its id first, then the stored body. */
  static ObjectNode payload(EventRow row) {
    ObjectNode payload = JsonUtils.getJsonNodeFactory().objectNode();
    payload.put("id", row.id());
    payload.setAll(Representation.parseBody(row.body()));
    return payload;
  }
}
