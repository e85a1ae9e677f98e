package dev.switchboard.provisioning;

import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import java.sql.SQLException;

/**
 * Recognises a unique-index violation (SQLite or PostgreSQL) behind a store exception, the last
 * line of defence when two writers race past the explicit uniqueness check.
 */
final class UniqueConstraint {
  private UniqueConstraint() {}

  static boolean violated(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        String message = String.valueOf(sql.getMessage());
        if ("23505".equals(sql.getSQLState()) || message.contains("UNIQUE constraint failed")) {
          return true;
        }
      }
    }
    return false;
  }

  static ResourceConflictException conflict(String what) {
    return ResourceConflictException.uniqueness(what);
  }
}
