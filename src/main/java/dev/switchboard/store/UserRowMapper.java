package dev.switchboard.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps {@link UserDao#COLUMNS}, in that order, to a {@link UserRow} by position. Every user read
 * goes through here; a reflective constructor mapper matched 23 column names per query and was the
 * largest cost of {@code GET /Users/{id}} in the profile. Stateless.
 */
public final class UserRowMapper implements RowMapper<UserRow> {
  @Override
  public UserRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new UserRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getBoolean(5),
        rs.getLong(6),
        rs.getLong(7),
        rs.getLong(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        nullableLong(rs, 13),
        rs.getString(14),
        nullableLong(rs, 15),
        rs.getBoolean(16),
        rs.getString(17),
        rs.getBoolean(18),
        nullableLong(rs, 19),
        rs.getString(20),
        rs.getString(21),
        rs.getString(22),
        rs.getString(23));
  }

  private static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
