package dev.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.TestStores;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The Java migrations fill what they add from users stored before them: V7 folds display names
 * (non-ASCII letters too), V8 lists the queues in the users' bodies.
 */
class JavaMigrationsTest {
  @Test
  void usersStoredBeforeGetDisplayNameKeysAndQueueRows() throws Exception {
    StoreLocation location = TestStores.fresh();
    DataSource source = TestStores.dataSource(location);
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
                      + " TRUE, 1, 1, 1, '{\"urn:switchboard:params:scim:schemas:extension:"
                      + "contactcenter:1.0:User\":{\"queues\":[\"Sales\",\"Kundtjänst\"]}}')");
              handle.execute(
                  "INSERT INTO users (id, user_name, user_name_key, active, created, last_modified,"
                      + " version, body) VALUES ('u2', 'bo', 'bo', TRUE, 1, 1, 1, '{}')");
            });

    try (Database database = Database.open(location)) {
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
      assertEquals(
          List.of("kundtjänst", "sales"),
          database.read(
              handle ->
                  handle
                      .createQuery("SELECT queue_key FROM user_queues ORDER BY queue_key")
                      .mapTo(String.class)
                      .list()));
    }
  }
}
