package dev.switchboard.store;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the store lives: an SQLite file (the embedded default) or a PostgreSQL database that
 * several processes share. Parsed from {@code --db}: a {@code jdbc:postgresql://} URL is
 * PostgreSQL, anything else not starting with {@code jdbc:} is a file path.
 */
public sealed interface StoreLocation {
  /** Environment variables that carry PostgreSQL credentials, so they stay out of the URL. */
  String USER_VARIABLE = "SWITCHBOARD_DB_USER";

  String PASSWORD_VARIABLE = "SWITCHBOARD_DB_PASSWORD";

  /**
   * Reads {@code db} ({@code --db}); {@code env} looks up the credentials variables for a
   * PostgreSQL URL (user and password given in the URL win).
   *
   * @throws IllegalArgumentException for a JDBC URL of any other database
   */
  static StoreLocation parse(String db, UnaryOperator<String> env) {
    if (db.startsWith("jdbc:postgresql:")) {
      return new Postgres(db, env.apply(USER_VARIABLE), env.apply(PASSWORD_VARIABLE));
    }
    if (db.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "--db takes an SQLite file path or a jdbc:postgresql:// URL, not " + db.split("[?;]")[0]);
    }
    return new SqliteFile(Path.of(db));
  }

  /** The location as it may be shown to people and logs: never a password. */
  String describe();

  /** The embedded store: one file, one process at a time. */
  record SqliteFile(Path file) implements StoreLocation {
    @Override
    public String describe() {
      return file.toString();
    }
  }

  /**
   * A PostgreSQL database; {@code user} and {@code password} may be null (then the URL's own, or
   * the driver's defaults, apply).
   */
  record Postgres(String url, String user, String password) implements StoreLocation {
    @Override
    public String describe() {
      return url.split("\\?")[0];
    }

    @Override
    public String toString() {
      return "Postgres[" + describe() + "]";
    }
  }
}
