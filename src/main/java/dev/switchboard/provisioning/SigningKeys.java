package dev.switchboard.provisioning;

import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.SigningKeyDao;
import java.time.Clock;
import java.util.Base64;

/**
 * The server's signing keys, one per purpose: 256 random bits made by the first process that asks
 * and stored in the database, so every process on the same database signs and verifies alike.
 * Whoever can read the database can mint tokens with it, as whoever can write it can add tokens:
 * guard the database file and its backups as the server's secrets. Stateless.
 */
final class SigningKeys {
  private SigningKeys() {}

  /** The key for {@code purpose}, made now if no process made it before. */
  static byte[] loadOrCreate(Database database, String purpose, Clock clock) {
    String key =
        database.write(
            handle -> {
              SigningKeyDao keys = Daos.attach(handle, SigningKeyDao.class);
              keys.insertIfAbsent(
                  purpose,
                  Base64.getEncoder().encodeToString(Secrets.randomBytes()),
                  clock.millis());
              return keys.find(purpose).orElseThrow();
            });
    return Base64.getDecoder().decode(key);
  }
}
