package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.scim.Representation;
import dev.switchboard.store.AuditDao;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * Writes audit events in the caller's transaction, so an event exists exactly when its change was
 * committed, and with each the outbox event the calling platforms receive. Events are never edited.
 * Thread-safe.
 */
final class AuditTrail {
  static final String SCHEMA = "urn:switchboard:params:scim:schemas:core:1.0:AuditEvent";
  private final Clock clock;
  private final EventOutbox outbox;

  /** Changes being recorded per transaction handle, for a rehearsal's preview. */
  private final Map<Handle, List<AuditedChange>> recordings = new ConcurrentHashMap<>();

  AuditTrail(Clock clock, EventOutbox outbox) {
    this.clock = clock;
    this.outbox = outbox;
  }

  /** Runs {@code work} on {@code handle} and returns every change it records in the trail. */
  <X extends Exception> List<AuditedChange> recording(Handle handle, Database.HandleWork<?, X> work)
      throws X {
    List<AuditedChange> changes = new ArrayList<>();
    recordings.put(handle, changes);
    try {
      work.run(handle);
    } finally {
      recordings.remove(handle);
    }
    return changes;
  }

  /** Records a change of {@code product} for a user; nothing when before equals after. */
  void record(
      Handle handle,
      String userId,
      String userName,
      String product,
      String before,
      String after,
      String reason,
      Caller actor) {
    if (Objects.equals(before, after)) {
      return;
    }
    List<AuditedChange> recording = recordings.get(handle);
    if (recording != null) {
      recording.add(new AuditedChange(userId, userName, product, before, after));
    }
    long now = clock.millis();
    ObjectNode event = JsonUtils.getJsonNodeFactory().objectNode();
    event.putArray("schemas").add(SCHEMA);
    ObjectNode user = event.putObject("user");
    user.put("value", userId);
    user.put("display", userName);
    event.put("product", product);
    event.put("before", before);
    event.put("after", after);
    event.put("reason", reason);
    event.put("actor", actor.tokenName());
    event.put("time", Instant.ofEpochMilli(now).toString());
    AuditDao.insert(
        handle, UUID.randomUUID().toString(), userId, product, now, Representation.bodyText(event));
    outbox.changed(
        handle,
        EventType.ofProduct(product),
        userId,
        userName,
        product,
        before,
        after,
        reason,
        actor);
  }
}
