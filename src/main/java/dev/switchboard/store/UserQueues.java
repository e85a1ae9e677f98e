package dev.switchboard.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The contact-center queues of each user as rows (V8), folded, kept from the user's body by every
 * write of it, so {@code …:queues eq "Sales"} (the console's queue filter) is an index lookup.
 * Stateless.
 */
public final class UserQueues {
  static final String CONTACT_CENTER =
      "urn:switchboard:params:scim:schemas:extension:contactcenter:1.0:User";
  private static final ObjectMapper JSON = new ObjectMapper();

  private UserQueues() {}

  /** The folded queue names in a stored user body. */
  public static Set<String> keysOf(String body) {
    Set<String> keys = new LinkedHashSet<>();
    try {
      for (JsonNode queue : JSON.readTree(body).path(CONTACT_CENTER).path("queues")) {
        if (queue.isTextual()) {
          keys.add(CaselessKey.of(queue.asText()));
        }
      }
    } catch (JsonProcessingException e) {
      throw new StoreException("a stored user body is not JSON", e);
    }
    return keys;
  }

  /** A new user's queues. */
  static void added(Handle handle, String userId, String body) {
    for (String key : keysOf(body)) {
      handle
          .createUpdate("INSERT INTO user_queues (user_id, queue_key) VALUES (:userId, :key)")
          .bind("userId", userId)
          .bind("key", key)
          .execute();
    }
  }

  /** A changed user's queues: replaced only when they differ from the stored ones. */
  static void changed(Handle handle, String userId, String body) {
    Set<String> wanted = keysOf(body);
    Set<String> stored =
        new LinkedHashSet<>(
            handle
                .createQuery("SELECT queue_key FROM user_queues WHERE user_id = :userId")
                .bind("userId", userId)
                .mapTo(String.class)
                .list());
    if (stored.equals(wanted)) {
      return;
    }
    handle
        .createUpdate("DELETE FROM user_queues WHERE user_id = :userId")
        .bind("userId", userId)
        .execute();
    added(handle, userId, body);
  }
}
