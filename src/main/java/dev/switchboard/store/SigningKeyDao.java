package dev.switchboard.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The server's signing keys by purpose. Runs inside the caller's transaction. */
public interface SigningKeyDao {
  /** Stores {@code key} unless a key for {@code purpose} exists (another process made it first). */
  @SqlUpdate(
      "INSERT INTO signing_keys (purpose, key_value, created) VALUES (:purpose, :key, :created)"
          + " ON CONFLICT (purpose) DO NOTHING")
  void insertIfAbsent(
      @Bind("purpose") String purpose, @Bind("key") String key, @Bind("created") long created);

  @SqlQuery("SELECT key_value FROM signing_keys WHERE purpose = :purpose")
  Optional<String> find(@Bind("purpose") String purpose);
}
