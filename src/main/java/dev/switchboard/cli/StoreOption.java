package dev.switchboard.cli;

import dev.switchboard.store.Database;
import dev.switchboard.store.StoreLocation;
import java.nio.file.Files;
import picocli.CommandLine.Option;

/** The {@code --db} option shared by every command that opens the store. */
final class StoreOption {
  @Option(
      names = "--db",
      defaultValue = "${env:SWITCHBOARD_DB:-switchboard.db}",
      description =
          "SQLite file, or jdbc:postgresql://HOST:PORT/DB for a store several processes share"
              + " (credentials from env SWITCHBOARD_DB_USER and SWITCHBOARD_DB_PASSWORD)"
              + " (env SWITCHBOARD_DB; default ${DEFAULT-VALUE})")
  String db;

  StoreLocation location() {
    return StoreLocation.parse(db, System::getenv);
  }

  /** Opens a store that must exist already (a command that inspects it must not create one). */
  Database openExisting() {
    return openExisting(location());
  }

  /** Opens the store at {@code location}, which must exist already. */
  static Database openExisting(StoreLocation location) {
    if (location instanceof StoreLocation.SqliteFile file && !Files.exists(file.file())) {
      throw new IllegalArgumentException("there is no store at " + location.describe());
    }
    return Database.open(location);
  }

  Database open() {
    return Database.open(location());
  }
}
