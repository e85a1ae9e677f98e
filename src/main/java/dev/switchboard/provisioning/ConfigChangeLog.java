package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.scim.Representation;
import dev.switchboard.store.ConfigChangeDao;
import dev.switchboard.store.ConfigChangeRow;
import dev.switchboard.store.Daos;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Records configuration changes in the transaction of the change, so a change that rolls back (a
 * failed write, a dry run) leaves no record. Callers pass before and after without secrets or
 * secret hashes. Thread-safe.
 */
final class ConfigChangeLog {
  private final Clock clock;

  ConfigChangeLog(Clock clock) {
    this.clock = clock;
  }

  /** The resource changed: {@code before} null when created, {@code after} null when deleted. */
  record Change(
      ConfigResourceType type,
      String id,
      String name,
      ConfigAction action,
      JsonNode before,
      JsonNode after) {}

  /** Records {@code change} by {@code actor}; nothing when before equals after. */
  void record(Handle handle, Caller actor, Change change) {
    if (Objects.equals(change.before(), change.after())) {
      return;
    }
    Daos.attach(handle, ConfigChangeDao.class)
        .insert(
            new ConfigChangeRow(
                UUID.randomUUID().toString(),
                clock.millis(),
                actor.tokenName(),
                change.action().wireName(),
                change.type().wireName(),
                change.id(),
                change.name(),
                text(change.before()),
                text(change.after())));
  }

  private static String text(JsonNode node) {
    return node == null ? null : Representation.bodyText(node);
  }
}
