package dev.switchboard.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * How one column's value crosses from one engine to the other, chosen by the target column's JDBC
 * type: SQLite keeps booleans as integers and reports BOOLEAN and BIGINT columns alike as INTEGER,
 * PostgreSQL wants a real boolean, so each value is read and bound as what the target holds, and a
 * null stays null. Stateless.
 */
enum ColumnValue {
  FLAG {
    @Override
    void copy(ResultSet from, PreparedStatement into, int index) throws SQLException {
      boolean value = from.getBoolean(index);
      if (from.wasNull()) {
        into.setNull(index, Types.BOOLEAN);
      } else {
        into.setBoolean(index, value);
      }
    }
  },
  WHOLE_NUMBER {
    @Override
    void copy(ResultSet from, PreparedStatement into, int index) throws SQLException {
      long value = from.getLong(index);
      if (from.wasNull()) {
        into.setNull(index, Types.BIGINT);
      } else {
        into.setLong(index, value);
      }
    }
  },
  TEXT {
    @Override
    void copy(ResultSet from, PreparedStatement into, int index) throws SQLException {
      String value = from.getString(index);
      if (value == null) {
        into.setNull(index, Types.VARCHAR);
      } else {
        into.setString(index, value);
      }
    }
  };

  /** Reads column {@code index} of the current row of {@code from} and binds it to {@code into}. */
  abstract void copy(ResultSet from, PreparedStatement into, int index) throws SQLException;

  /**
   * The way to copy {@code column} of {@code table}.
   *
   * @throws StoreException for a type no migration uses yet: copied blindly it could change
   */
  static ColumnValue of(StoreTables.Table table, StoreTables.Column column) {
    return switch (column.jdbcType()) {
      case Types.BOOLEAN, Types.BIT -> FLAG;
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> WHOLE_NUMBER;
      case Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.LONGNVARCHAR,
          Types.CLOB ->
          TEXT;
      default ->
          throw new StoreException(
              "cannot copy "
                  + table.name()
                  + "."
                  + column.name()
                  + ": its JDBC type "
                  + column.jdbcType()
                  + " is not one the copy knows",
              null);
    };
  }
}
