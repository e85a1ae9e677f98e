package dev.switchboard.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The application tables of a store as its database describes them (JDBC metadata), not as the code
 * remembers them: every table but Flyway's history, each with its columns and their JDBC types,
 * parents before the tables whose foreign keys point at them. Immutable.
 */
record StoreTables(List<Table> tables) {
  /** Flyway's own bookkeeping: each store has its own, made by its migrations, never copied. */
  static final String MIGRATION_HISTORY = "flyway_schema_history";

  /** One table: its lower-case name and its columns in declaration order. */
  record Table(String name, List<Column> columns) {
    List<String> columnNames() {
      return columns.stream().map(Column::name).toList();
    }

    Column column(String name) {
      return columns.stream()
          .filter(column -> column.name().equals(name))
          .findFirst()
          .orElseThrow(
              () -> new StoreException("there is no column " + this.name + "." + name, null));
    }
  }

  /** A column's lower-case name and its {@link java.sql.Types} code. */
  record Column(String name, int jdbcType) {}

  /** Reads the tables of the schema {@code connection} works in. */
  static StoreTables of(Connection connection) throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    String catalog = connection.getCatalog();
    String schema = pattern(connection.getSchema(), metadata);
    Set<String> names = new TreeSet<>();
    try (ResultSet rows = metadata.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
      while (rows.next()) {
        String name = lower(rows.getString("TABLE_NAME"));
        if (!name.equals(MIGRATION_HISTORY) && !name.startsWith("sqlite_")) {
          names.add(name);
        }
      }
    }
    Map<String, Table> tables = new TreeMap<>();
    Map<String, Set<String>> parents = new TreeMap<>();
    for (String name : names) {
      tables.put(name, new Table(name, columns(metadata, catalog, schema, name)));
      parents.put(name, parents(metadata, catalog, connection.getSchema(), name));
    }
    return new StoreTables(parentsFirst(tables, parents));
  }

  Set<String> names() {
    Set<String> names = new TreeSet<>();
    tables.forEach(table -> names.add(table.name()));
    return names;
  }

  /**
   * How these tables (a source's) differ from {@code target}'s, in words: tables and columns only
   * one of them has. Empty when a copy can carry every column of every table over by name.
   */
  List<String> differencesFrom(StoreTables target) {
    List<String> differences = new ArrayList<>();
    differences.addAll(missing("the source's table ", names(), "target", target.names()));
    differences.addAll(missing("the target's table ", target.names(), "source", names()));
    for (String name : names()) {
      if (target.names().contains(name)) {
        Set<String> ours = new TreeSet<>(table(name).columnNames());
        Set<String> theirs = new TreeSet<>(target.table(name).columnNames());
        differences.addAll(missing("the source's column " + name + ".", ours, "target", theirs));
        differences.addAll(missing("the target's column " + name + ".", theirs, "source", ours));
      }
    }
    return differences;
  }

  private static List<String> missing(
      String what, Set<String> names, String otherStore, Set<String> others) {
    return names.stream()
        .filter(name -> !others.contains(name))
        .map(name -> what + name + " is not in the " + otherStore)
        .toList();
  }

  Table table(String name) {
    return tables.stream()
        .filter(table -> table.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new StoreException("there is no table " + name, null));
  }

  private static List<Column> columns(
      DatabaseMetaData metadata, String catalog, String schema, String table) throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (ResultSet rows = metadata.getColumns(catalog, schema, pattern(table, metadata), "%")) {
      while (rows.next()) {
        columns.add(new Column(lower(rows.getString("COLUMN_NAME")), rows.getInt("DATA_TYPE")));
      }
    }
    return columns;
  }

  private static Set<String> parents(
      DatabaseMetaData metadata, String catalog, String schema, String table) throws SQLException {
    Set<String> parents = new TreeSet<>();
    try (ResultSet keys = metadata.getImportedKeys(catalog, schema, table)) {
      while (keys.next()) {
        parents.add(lower(keys.getString("PKTABLE_NAME")));
      }
    }
    parents.remove(table);
    return parents;
  }

  /** Orders the tables so that each comes after every table it references (Kahn, by name). */
  private static List<Table> parentsFirst(
      Map<String, Table> tables, Map<String, Set<String>> parents) {
    List<Table> ordered = new ArrayList<>();
    Set<String> placed = new TreeSet<>();
    Map<String, Set<String>> waiting = new TreeMap<>(parents);
    while (!waiting.isEmpty()) {
      List<String> ready =
          waiting.entrySet().stream()
              .filter(entry -> placed.containsAll(entry.getValue()))
              .map(Map.Entry::getKey)
              .toList();
      if (ready.isEmpty()) {
        throw new StoreException(
            "the foreign keys of " + waiting + " point at missing tables or form a cycle", null);
      }
      for (String name : ready) {
        ordered.add(tables.get(name));
        placed.add(name);
        waiting.remove(name);
      }
    }
    return List.copyOf(ordered);
  }

  /** {@code name} as a metadata search pattern: its {@code _} and {@code %} taken literally. */
  private static String pattern(String name, DatabaseMetaData metadata) throws SQLException {
    if (name == null) {
      return null;
    }
    String escape = metadata.getSearchStringEscape();
    return name.replace(escape, escape + escape)
        .replace("_", escape + "_")
        .replace("%", escape + "%");
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
