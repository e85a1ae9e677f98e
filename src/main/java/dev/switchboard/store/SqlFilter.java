package dev.switchboard.store;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import dev.switchboard.store.ResourceTable.Match;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Translates the indexable part of a SCIM filter into SQL over a {@link ResourceTable}'s
 * whitelisted columns. {@code eq} and {@code sw} on indexed attributes are exact, and {@code co} on
 * folded keys; {@code and} narrows by whichever side it can; anything else is left to in-memory
 * evaluation (the result is then marked inexact). Not thread-safe: one instance per translation.
 */
public final class SqlFilter {
  private static final String MAX_CODE_POINT =
      new String(Character.toChars(Character.MAX_CODE_POINT));
  private final ResourceTable<?> table;
  private final String coreSchemaUrn;
  private final Map<String, Object> params = new HashMap<>();

  private SqlFilter(ResourceTable<?> table, String coreSchemaUrn) {
    this.table = table;
    this.coreSchemaUrn = coreSchemaUrn;
  }

  /** The narrowing condition for {@code filter} (null filter: all rows, exactly). */
  public static SqlCondition translate(
      ResourceTable<?> table, String coreSchemaUrn, Filter filter) {
    if (filter == null) {
      return SqlCondition.ALL;
    }
    SqlFilter translator = new SqlFilter(table, coreSchemaUrn);
    return translator
        .visit(filter, "")
        .map(p -> new SqlCondition(p.sql, translator.params, p.exact))
        .orElse(SqlCondition.NONE_EXACT);
  }

  private record Part(String sql, boolean exact) {}

  private Optional<Part> visit(Filter filter, String prefix) {
    switch (filter.getFilterType()) {
      case AND:
        return and(filter.getCombinedFilters(), prefix);
      case OR:
        return or(filter.getCombinedFilters(), prefix);
      case COMPLEX_VALUE:
        String inner = prefix + pathKey(((ComplexValueFilter) filter).getAttributePath()) + ".";
        return visit(filter.getValueFilter(), inner);
      case EQUAL:
      case STARTS_WITH:
      case CONTAINS:
        return comparison(filter, prefix);
      default:
        return Optional.empty();
    }
  }

  private Optional<Part> and(List<Filter> filters, String prefix) {
    List<String> clauses = new ArrayList<>();
    boolean exact = true;
    for (Filter f : filters) {
      Optional<Part> part = visit(f, prefix);
      if (part.isPresent()) {
        clauses.add(part.get().sql);
        exact &= part.get().exact;
      } else {
        exact = false;
      }
    }
    if (clauses.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Part("(" + String.join(" AND ", clauses) + ")", exact));
  }

  private Optional<Part> or(List<Filter> filters, String prefix) {
    List<String> clauses = new ArrayList<>();
    boolean exact = true;
    for (Filter f : filters) {
      Optional<Part> part = visit(f, prefix);
      if (part.isEmpty()) {
        return Optional.empty();
      }
      clauses.add(part.get().sql);
      exact &= part.get().exact;
    }
    return Optional.of(new Part("(" + String.join(" OR ", clauses) + ")", exact));
  }

  private Optional<Part> comparison(Filter filter, String prefix) {
    ValueNode value = filter.getComparisonValue();
    String key = prefix + pathKey(filter.getAttributePath());
    Optional<ResourceTable.Indexed> indexed = table.indexed(key);
    if (indexed.isEmpty() || value == null || value.isNull()) {
      return Optional.empty();
    }
    FilterType type = filter.getFilterType();
    boolean startsWith = type == FilterType.STARTS_WITH;
    boolean contains = type == FilterType.CONTAINS;
    ResourceTable.Indexed column = indexed.get();
    if (contains
        && column.match() != Match.CASELESS
        && column.match() != Match.EMAIL
        && column.match() != Match.QUEUE) {
      return Optional.empty();
    }
    switch (column.match()) {
      case BOOLEAN:
        if (startsWith || !value.isBoolean()) {
          return Optional.empty();
        }
        return exact(column.column() + " = " + bind(value.booleanValue()));
      case EXACT:
        return startsWith
            ? prefixRange(column.column(), value.asText())
            : exact(column.column() + " = " + bind(value.asText()));
      case CASELESS:
        String folded = CaselessKey.of(value.asText());
        if (contains) {
          return exact(containing(column.column(), folded));
        }
        return startsWith
            ? prefixRange(column.column(), folded)
            : exact(column.column() + " = " + bind(folded));
      case EMAIL:
        return startsWith
            ? Optional.empty()
            : exact(userKeyed("user_emails", "value_key", value.asText(), contains));
      case QUEUE:
        return startsWith
            ? Optional.empty()
            : exact(userKeyed("user_queues", "queue_key", value.asText(), contains));
      case MEMBER_OF_GROUP:
        return startsWith
            ? Optional.empty()
            : exact(
                "id IN (SELECT user_id FROM group_members WHERE group_id = "
                    + bind(value.asText())
                    + ")");
      case GROUP_HAS_MEMBER:
        return startsWith
            ? Optional.empty()
            : exact(
                "id IN (SELECT group_id FROM group_members WHERE user_id = "
                    + bind(value.asText())
                    + ")");
      default:
        return Optional.empty();
    }
  }

  /** Users with a folded key in a side table (emails, queues) equal to or containing the text. */
  private String userKeyed(String table, String keyColumn, String text, boolean contains) {
    String folded = CaselessKey.of(text);
    return "id IN (SELECT user_id FROM "
        + table
        + " WHERE "
        + (contains ? containing(keyColumn, folded) : keyColumn + " = " + bind(folded))
        + ")";
  }

  /**
   * {@code column co text} over a column of folded keys: LIKE with the text's own {@code %} and
   * {@code _} escaped (the column is already folded, so LIKE's own case rules never matter).
   */
  private String containing(String column, String folded) {
    String escaped = folded.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return column + " LIKE " + bind("%" + escaped + "%") + " ESCAPE '!'";
  }

  /** {@code column sw prefix} as an index range: [prefix, prefix + U+10FFFF), byte-order safe. */
  private Optional<Part> prefixRange(String column, String prefix) {
    if (prefix.isEmpty()) {
      return Optional.empty();
    }
    return exact(
        "("
            + column
            + " >= "
            + bind(prefix)
            + " AND "
            + column
            + " < "
            + bind(prefix + MAX_CODE_POINT)
            + ")");
  }

  private static Optional<Part> exact(String sql) {
    return Optional.of(new Part(sql, true));
  }

  private String bind(Object value) {
    String name = "p" + params.size();
    params.put(name, value);
    return ":" + name;
  }

  private String pathKey(Path path) {
    if (path.getSchemaUrn() != null && !path.getSchemaUrn().equalsIgnoreCase(coreSchemaUrn)) {
      return path.toString().toLowerCase(Locale.ROOT); // the full URN path, as tables list it
    }
    List<String> names = new ArrayList<>();
    for (Path.Element element : path) {
      names.add(element.getAttribute().toLowerCase(Locale.ROOT));
    }
    return String.join(".", names);
  }
}
