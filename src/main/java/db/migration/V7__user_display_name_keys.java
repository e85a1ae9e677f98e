package db.migration;

import dev.switchboard.store.CaselessKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Users get their displayName folded into {@code display_name_key}, as userName already is, so a
 * search on display names ({@code displayName co "ann"}: the console's search field) runs in SQL
 * instead of rendering every user. In Java, because SQL's lower() folds only ASCII on SQLite.
 */
public class V7__user_display_name_keys extends BaseJavaMigration {
  private static final int BATCH = 1_000;

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE users ADD COLUMN display_name_key VARCHAR(512)");
    }
    try (PreparedStatement names =
            connection.prepareStatement(
                "SELECT id, display_name FROM users WHERE display_name IS NOT NULL");
        PreparedStatement fold =
            connection.prepareStatement("UPDATE users SET display_name_key = ? WHERE id = ?");
        ResultSet rows = names.executeQuery()) {
      int pending = 0;
      while (rows.next()) {
        fold.setString(1, CaselessKey.of(rows.getString(2)));
        fold.setString(2, rows.getString(1));
        fold.addBatch();
        if (++pending == BATCH) {
          fold.executeBatch();
          pending = 0;
        }
      }
      fold.executeBatch();
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE INDEX users_display_name_key ON users (display_name_key)");
    }
  }
}
