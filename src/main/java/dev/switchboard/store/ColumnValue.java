package dev.switchboard.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * How one column's value crosses from one engine to the other, chosen by the column's JDBC types on
 * both sides: SQLite keeps booleans as integers and reports BOOLEAN and BIGINT columns alike as
 * INTEGER, while PostgreSQL has real booleans, so a column that is boolean on either side is copied
 * as a boolean (SQLite reads 0 and 1 as false and true, and stores them back as 0 and 1), and every
 * other value as the whole number or text the target holds. A null stays null. Stateless.
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
   * The way to copy column {@code from} of the source's {@code table} into column {@code into} of
   * the target's.
   *
   * @throws StoreException for a type no migration uses yet: copied blindly it could change
   */
  static ColumnValue of(String table, StoreTables.Column from, StoreTables.Column into) {
    if (isFlag(from) || isFlag(into)) {
      return FLAG;
    }
    return switch (into.jdbcType()) {
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
                  + table
                  + "."
                  + into.name()
                  + ": its JDBC type "
                  + into.jdbcType()
                  + " is not one the copy knows",
              null);
    };
  }

  private static boolean isFlag(StoreTables.Column column) {
    return column.jdbcType() == Types.BOOLEAN || column.jdbcType() == Types.BIT;
  }
}
