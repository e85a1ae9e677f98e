package dev.switchboard.cli;

import dev.switchboard.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --db} option shared by every command that opens the store. */
final class StoreOption {
  @Option(
      names = "--db",
      defaultValue = "${env:SWITCHBOARD_DB:-switchboard.db}",
      description = "SQLite file (env SWITCHBOARD_DB; default ${DEFAULT-VALUE})")
  String db;

  /** Opens a store that must exist already (a command that inspects it must not create one). */
  Database openExisting() {
    if (!db.startsWith("jdbc:") && !Files.exists(Path.of(db))) {
      throw new IllegalArgumentException("there is no store at " + db);
    }
    return open();
  }

  Database open() {
    if (db.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "only an SQLite file path is supported for --db so far, not " + db.split("\\?")[0]);
    }
    return Database.openSqlite(Path.of(db));
  }
}
