package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.scim.ListQuery;
import dev.switchboard.scim.ResourceFilterEvaluator;
import dev.switchboard.scim.ResourceKind;
import dev.switchboard.scim.SchemaRegistry;
import dev.switchboard.store.CreationCounts;
import dev.switchboard.store.ResourceQueries;
import dev.switchboard.store.ResourceTable;
import dev.switchboard.store.SqlCondition;
import dev.switchboard.store.SqlFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Answers list requests for one resource type. When SQL can answer exactly (the filter only uses
 * indexed attributes and the sort key is a column) it pages in SQL; otherwise it streams the
 * SQL-narrowed candidates, evaluates the filter with the SDK on each, and keeps only ids and sort
 * keys in memory. Thread-safe.
 */
final class ResourceLister<R> {
  private final ResourceKind kind;
  private final ResourceTable<R> table;
  private final RowRenderer<R> renderer;
  private final ResourceFilterEvaluator evaluator;

  ResourceLister(ResourceKind kind, ResourceTable<R> table, RowRenderer<R> renderer) {
    this.kind = kind;
    this.table = table;
    this.renderer = renderer;
    this.evaluator = new ResourceFilterEvaluator(kind);
  }

  ListResult list(Handle handle, ListQuery query) throws ScimException {
    SqlCondition where = SqlFilter.translate(table, kind.core().getId(), query.filter());
    Optional<String> sortColumn =
        query.sortBy() == null ? Optional.of("created") : table.sortColumn(key(query.sortBy()));
    long total;
    List<R> rows;
    boolean everyRowInCreationOrder =
        query.filter() == null
            && query.sortBy() == null
            && !query.descending()
            && CreationCounts.keeps(table.name());
    if (everyRowInCreationOrder) {
      // An IdP's full read (Okta's import pages through every user): no step through the
      // earlier rows, no COUNT of the table.
      rows =
          query.count() == 0
              ? List.of()
              : ResourceQueries.pageInCreationOrder(
                  handle, table, query.startIndex() - 1L, query.count());
      total = CreationCounts.total(handle, table.name());
    } else if (where.exact() && sortColumn.isPresent()) {
      rows =
          query.count() == 0
              ? List.of()
              : ResourceQueries.page(
                  handle,
                  table,
                  where,
                  sortColumn.get(),
                  query.descending(),
                  query.startIndex() - 1L,
                  query.count());
      // A first page that is not full holds every match (an IdP's "userName eq" lookup): the
      // count is its size, without a second query.
      boolean wholeResult = query.startIndex() == 1 && rows.size() < query.count();
      total = wholeResult ? rows.size() : ResourceQueries.count(handle, table, where);
    } else {
      List<Match> matches = evaluate(handle, query, where);
      total = matches.size();
      rows = page(handle, matches, query);
    }
    boolean withRelation = query.projection().includes(renderer.relation());
    List<ObjectNode> resources = new ArrayList<>(rows.size());
    for (R row : rows) {
      resources.add(query.projection().apply(renderer.render(handle, row, withRelation)));
    }
    return new ListResult(total, query.startIndex(), resources);
  }

  private record Match(String id, JsonNode sortKey) {}

  private List<Match> evaluate(Handle handle, ListQuery query, SqlCondition where)
      throws BadRequestException {
    boolean filterNeedsRelation =
        query.filter() != null
            && query
                .filter()
                .toString()
                .toLowerCase(Locale.ROOT)
                .contains(renderer.relation().toLowerCase(Locale.ROOT));
    List<Match> matches = new ArrayList<>();
    BadRequestException[] failure = new BadRequestException[1];
    ResourceQueries.scan(
        handle,
        table,
        where,
        row -> {
          if (failure[0] != null) {
            return;
          }
          ObjectNode resource = renderer.render(handle, row, filterNeedsRelation);
          try {
            if (query.filter() == null || evaluator.matches(query.filter(), resource)) {
              matches.add(new Match(renderer.id(row), sortKey(query.sortBy(), resource)));
            }
          } catch (BadRequestException e) {
            failure[0] = e;
          }
        });
    if (failure[0] != null) {
      throw failure[0];
    }
    if (query.sortBy() != null) {
      AttributeDefinition definition = SchemaRegistry.resolve(kind, query.sortBy()).orElse(null);
      Comparator<JsonNode> byValue = (a, b) -> JsonUtils.compareTo(a, b, definition);
      Comparator<JsonNode> keys = query.descending() ? byValue.reversed() : byValue;
      // RFC 7644 §3.4.2.3: resources without the sort attribute come last either way.
      matches.sort(Comparator.comparing(Match::sortKey, Comparator.nullsLast(keys)));
    }
    return matches;
  }

  private List<R> page(Handle handle, List<Match> matches, ListQuery query) {
    int from = (int) Math.min(matches.size(), query.startIndex() - 1L);
    int to = (int) Math.min(matches.size(), (long) from + query.count());
    List<String> ids = matches.subList(from, to).stream().map(Match::id).toList();
    Map<String, R> byId = new HashMap<>();
    for (R row : ResourceQueries.byIds(handle, table, ids)) {
      byId.put(renderer.id(row), row);
    }
    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  private static JsonNode sortKey(Path sortBy, ObjectNode resource) {
    if (sortBy == null) {
      return null;
    }
    List<JsonNode> values;
    try {
      values = JsonUtils.findMatchingPaths(sortBy, resource);
    } catch (ScimException e) {
      return null;
    }
    for (JsonNode value : values) {
      if (value.isArray()) {
        for (JsonNode element : value) {
          if (element.path("primary").asBoolean(false)) {
            return element.isObject() ? element.path("value") : element;
          }
        }
        if (!value.isEmpty()) {
          return value.get(0);
        }
      } else if (!value.isNull()) {
        return value;
      }
    }
    return null;
  }

  private String key(Path path) {
    if (path.getSchemaUrn() != null && !path.getSchemaUrn().equalsIgnoreCase(kind.core().getId())) {
      return "urn:" + path;
    }
    List<String> names = new ArrayList<>();
    path.forEach(e -> names.add(e.getAttribute().toLowerCase(Locale.ROOT)));
    return String.join(".", names);
  }
}
