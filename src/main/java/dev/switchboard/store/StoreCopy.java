package dev.switchboard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Copies every row of one store into another, empty one (moving from SQLite to PostgreSQL): every
 * application table the source's database lists, parents before children, column by column by name,
 * in JDBC batches. The source is read in one snapshot; the target is written in one transaction
 * under the writers' lock ({@link Database#write}), so it ends with all of the source or, when
 * anything fails, as it was. Both stores must be on the same schema version ({@link Database#open}
 * migrates each). Not thread-safe: one copy at a time.
 */
public final class StoreCopy {
  /** Rows sent to the target per JDBC batch. */
  static final int BATCH = 1_000;

  /**
   * The rows the migrations put into every new store (V2's three unlimited seat pools, V5's
   * agent-id cursor at 1000), as a condition per table: a target holding only these is empty, and
   * the source's rows replace them.
   */
  private static final Map<String, String> SEEDED =
      Map.of(
          "seat_pools",
          "id IN ('contactCenter.standard', 'contactCenter.premium', 'phone.licensed')"
              + " AND capacity IS NULL AND in_use = 0 AND version = 1",
          "agent_id_cursor",
          "id = 1 AND next_free = 1000");

  private final Database source;
  private final Database target;

  public StoreCopy(Database source, Database target) {
    this.source = source;
    this.target = target;
  }

  /** Told how far a copy has got, on the thread that copies. */
  public interface Progress {
    /**
     * The copy begins with {@code totalRows} to go; called again when a transient failure of the
     * target made it start over.
     */
    void started(long totalRows);

    /** {@code rows} more are written (not yet committed). */
    void copied(long rows);
  }

  /** The target holds rows of its own, by table: nothing was copied. */
  public static final class TargetNotEmpty extends StoreException {
    TargetNotEmpty(Map<String, Long> rows) {
      super(
          "the target already holds data ("
              + rows.entrySet().stream()
                  .map(
                      table ->
                          table.getKey()
                              + ": "
                              + table.getValue()
                              + (table.getValue() == 1 ? " row" : " rows"))
                  .collect(Collectors.joining(", "))
              + "); a store is copied only into an empty one",
          null);
    }
  }

  /** A table's rows in the source snapshot that was copied and in the target now. */
  public record TableCount(String table, long sourceRows, long targetRows) {
    public boolean matches() {
      return sourceRows == targetRows;
    }
  }

  /**
   * Copies every row and commits; returns each table's rows in the source snapshot, in the order
   * they were copied.
   *
   * @throws TargetNotEmpty when the target holds rows the migrations did not put there
   * @throws StoreException when the stores' tables or columns differ (a table this version of
   *     Switchboard does not know is never skipped), or the copy fails; the target is unchanged
   */
  public Map<String, Long> copy(Progress progress) {
    try {
      return target.write(
          into -> source.read(from -> copy(from.getConnection(), into.getConnection(), progress)));
    } catch (SQLException e) {
      throw new StoreException("the copy failed; the target is unchanged: " + e.getMessage(), e);
    }
  }

  /**
   * Each table's rows in the target now beside {@code copied} (what {@link #copy} returned), by
   * table name.
   */
  public List<TableCount> verify(Map<String, Long> copied) {
    Map<String, Long> now;
    try {
      now = target.read(handle -> rowCounts(handle.getConnection()));
    } catch (SQLException e) {
      throw new StoreException("cannot count the target's rows", e);
    }
    Set<String> tables = new TreeSet<>(copied.keySet());
    tables.addAll(now.keySet());
    return tables.stream()
        .map(
            table ->
                new TableCount(table, copied.getOrDefault(table, 0L), now.getOrDefault(table, 0L)))
        .toList();
  }

  private static Map<String, Long> copy(Connection from, Connection into, Progress progress)
      throws SQLException {
    StoreTables sources = StoreTables.of(from);
    StoreTables tables = StoreTables.of(into);
    List<String> differences = sources.differencesFrom(tables);
    if (!differences.isEmpty()) {
      throw new StoreException(
          "the stores' schemas differ, nothing was copied: " + String.join("; ", differences),
          null);
    }
    refuseRowsOfItsOwn(into, tables);
    Map<String, Long> counts = rowCounts(from, tables);
    progress.started(counts.values().stream().mapToLong(Long::longValue).sum());
    try (Statement statement = into.createStatement()) {
      for (String seeded : SEEDED.keySet()) {
        statement.executeUpdate("DELETE FROM " + quote(seeded));
      }
    }
    for (StoreTables.Table table : tables.tables()) {
      copyTable(from, into, sources.table(table.name()), table, progress);
    }
    return counts;
  }

  private static void refuseRowsOfItsOwn(Connection into, StoreTables tables) throws SQLException {
    Map<String, Long> own = new TreeMap<>();
    for (String table : tables.names()) {
      String seeded = SEEDED.get(table);
      long rows = count(into, table, seeded == null ? "" : " WHERE NOT (" + seeded + ")");
      if (rows > 0) {
        own.put(table, rows);
      }
    }
    if (!own.isEmpty()) {
      throw new TargetNotEmpty(own);
    }
  }

  private static void copyTable(
      Connection from,
      Connection into,
      StoreTables.Table source,
      StoreTables.Table table,
      Progress progress)
      throws SQLException {
    List<ColumnValue> values = new ArrayList<>();
    for (StoreTables.Column column : table.columns()) {
      values.add(ColumnValue.of(table.name(), source.column(column.name()), column));
    }
    String columns =
        table.columnNames().stream().map(StoreCopy::quote).collect(Collectors.joining(", "));
    String parameters = String.join(", ", Collections.nCopies(values.size(), "?"));
    long written = 0;
    try (PreparedStatement select =
            from.prepareStatement("SELECT " + columns + " FROM " + quote(table.name()));
        PreparedStatement insert =
            into.prepareStatement(
                "INSERT INTO "
                    + quote(table.name())
                    + " ("
                    + columns
                    + ") VALUES ("
                    + parameters
                    + ")");
        ResultSet rows = fetching(select).executeQuery()) {
      int pending = 0;
      while (rows.next()) {
        for (int index = 1; index <= values.size(); index++) {
          values.get(index - 1).copy(rows, insert, index);
        }
        insert.addBatch();
        if (++pending == BATCH) {
          insert.executeBatch();
          written += pending;
          progress.copied(pending);
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
        progress.copied(pending);
      }
    } catch (SQLException e) {
      // Only the cause's own words: the driver's message quotes the batch, secrets and all.
      throw new StoreException(
          "cannot copy "
              + table.name()
              + ", at or after its row "
              + (written + 1)
              + ": "
              + rootCause(e).getMessage(),
          rootCause(e));
    }
  }

  private static PreparedStatement fetching(PreparedStatement select) throws SQLException {
    select.setFetchSize(BATCH); // PostgreSQL would otherwise read the whole table into memory
    return select;
  }

  private static SQLException rootCause(SQLException failure) {
    SQLException cause = failure;
    while (cause.getNextException() != null) {
      cause = cause.getNextException();
    }
    return cause;
  }

  private static Map<String, Long> rowCounts(Connection connection) throws SQLException {
    return rowCounts(connection, StoreTables.of(connection));
  }

  private static Map<String, Long> rowCounts(Connection connection, StoreTables tables)
      throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (StoreTables.Table table : tables.tables()) {
      counts.put(table.name(), count(connection, table.name(), ""));
    }
    return counts;
  }

  private static long count(Connection connection, String table, String where) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + quote(table) + where)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier + '"';
  }
}
