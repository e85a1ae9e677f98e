package dev.switchboard.cli;

import dev.switchboard.store.Database;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --db} option shared by every command that opens the store. */
final class StoreOption {
  @Option(
      names = "--db",
      defaultValue = "${env:SWITCHBOARD_DB:-switchboard.db}",
      description = "SQLite file (env SWITCHBOARD_DB; default ${DEFAULT-VALUE})")
  String db;

  Database open() {
    if (db.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "only an SQLite file path is supported for --db so far, not " + db.split("\\?")[0]);
    }
    return Database.openSqlite(Path.of(db));
  }
}
