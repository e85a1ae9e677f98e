package db.migration;

import dev.switchboard.store.UserQueues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Users' contact-center queues as rows, so the console's queue filter is an index lookup rather
 * than a test of every user's body. Filled from the bodies stored before it (in Java: they are
 * JSON, and queue names fold like every other key).
 */
public class V8__user_queues extends BaseJavaMigration {
  private static final int BATCH = 1_000;

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE user_queues ("
              + " user_id VARCHAR(36) NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
              + " queue_key VARCHAR(512) NOT NULL,"
              + " PRIMARY KEY (user_id, queue_key))");
      statement.execute("CREATE INDEX user_queues_key ON user_queues (queue_key, user_id)");
    }
    try (PreparedStatement bodies =
            connection.prepareStatement("SELECT id, body FROM users WHERE body LIKE '%queues%'");
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO user_queues (user_id, queue_key) VALUES (?, ?)");
        ResultSet rows = bodies.executeQuery()) {
      int pending = 0;
      while (rows.next()) {
        for (String key : UserQueues.keysOf(rows.getString(2))) {
          insert.setString(1, rows.getString(1));
          insert.setString(2, key);
          insert.addBatch();
          if (++pending == BATCH) {
            insert.executeBatch();
            pending = 0;
          }
        }
      }
      insert.executeBatch();
    }
  }
}
