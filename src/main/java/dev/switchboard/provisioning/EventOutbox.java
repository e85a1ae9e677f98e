package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.scim.Representation;
import dev.switchboard.store.EventDao;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Writes events into the outbox in the caller's transaction, so an event exists exactly when its
 * change was committed: none is lost, and none is sent for a change that rolled back (a failed
 * write, a dry run). One INSERT per event. Thread-safe.
 */
final class EventOutbox {
  private final Clock clock;

  EventOutbox(Clock clock) {
    this.clock = clock;
  }

  /** Appends the event of one changed value of a user. */
  void changed(
      Handle handle,
      EventType type,
      String userId,
      String userName,
      String product,
      String before,
      String after,
      String reason,
      Caller actor) {
    long now = clock.millis();
    ObjectNode event = JsonUtils.getJsonNodeFactory().objectNode();
    event.put("type", type.wireName());
    event.put("time", Instant.ofEpochMilli(now).toString());
    ObjectNode user = event.putObject("user");
    user.put("id", userId);
    user.put("userName", userName);
    event.put("product", product);
    event.put("before", before);
    event.put("after", after);
    event.put("reason", reason);
    event.put("actor", actor.tokenName());
    EventDao.append(handle, type.wireName(), userId, now, Representation.bodyText(event));
  }
}
