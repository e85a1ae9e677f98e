package dev.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;

/** V7 folds the display names of users stored before it, in Java (non-ASCII letters too). */
class DisplayNameKeyMigrationTest {
  @Test
  void usersStoredBeforeV7GetTheirDisplayNameFolded() throws Exception {
    Path file = Files.createTempDirectory("v7").resolve("store.db");
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + file);
    Flyway.configure()
        .dataSource(source)
        .locations("classpath:db/migration")
        .target("6")
        .load()
        .migrate();
    Jdbi.create(source)
        .useHandle(
            handle -> {
              handle.execute(
                  "INSERT INTO users (id, user_name, user_name_key, display_name, active, created,"
                      + " last_modified, version, body) VALUES ('u1', 'asa', 'asa', 'ÅSA Öberg',"
                      + " TRUE, 1, 1, 1, '{}')");
              handle.execute(
                  "INSERT INTO users (id, user_name, user_name_key, active, created, last_modified,"
                      + " version, body) VALUES ('u2', 'bo', 'bo', TRUE, 1, 1, 1, '{}')");
            });

    try (Database database = Database.openSqlite(file)) {
      assertEquals(
          "åsa öberg",
          database.read(
              handle ->
                  handle
                      .createQuery("SELECT display_name_key FROM users WHERE id = 'u1'")
                      .mapTo(String.class)
                      .one()));
      Long unnamed =
          database.read(
              handle ->
                  handle
                      .createQuery(
                          "SELECT COUNT(*) FROM users WHERE display_name_key IS NULL AND id = 'u2'")
                      .mapTo(Long.class)
                      .one());
      assertEquals(1L, unnamed);
    }
  }
}
