package dev.switchboard.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated list request (RFC 7644 §3.4.2): filter, sort, 1-based paging and projection, from
 * query parameters or a {@code /.search} body. Immutable.
 */
public record ListQuery(
    Filter filter,
    Path sortBy,
    boolean descending,
    int startIndex,
    int count,
    Projection projection) {
  /** The most resources one page carries; advertised as {@code filter.maxResults}. */
  public static final int MAX_RESULTS = 1000;

  /** The page size when the client names none. */
  public static final int DEFAULT_COUNT = 100;

  /** The raw parameters as the client sent them (any may be null). */
  public record Params(
      String filter,
      String sortBy,
      String sortOrder,
      String startIndex,
      String count,
      String attributes,
      String excludedAttributes) {

    /** The parameters of a {@code POST /.search} body (RFC 7644 §3.4.3). */
    public static Params fromSearchRequest(ObjectNode body) {
      return new Params(
          text(body, "filter"),
          text(body, "sortBy"),
          text(body, "sortOrder"),
          text(body, "startIndex"),
          text(body, "count"),
          list(body, "attributes"),
          list(body, "excludedAttributes"));
    }

    private static String text(ObjectNode body, String name) {
      JsonNode value = body.get(name);
      return value == null || value.isNull() ? null : value.asText();
    }

    private static String list(ObjectNode body, String name) {
      JsonNode value = body.get(name);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isArray()) {
        return value.asText();
      }
      List<String> names = new ArrayList<>();
      value.forEach(v -> names.add(v.asText()));
      return String.join(",", names);
    }
  }

  /** The same query for another page. */
  public ListQuery withPage(int newStartIndex, int newCount) {
    return new ListQuery(filter, sortBy, descending, newStartIndex, newCount, projection);
  }

  public static ListQuery parse(ResourceKind kind, Params params) throws BadRequestException {
    Filter filter =
        params.filter() == null || params.filter().isBlank()
            ? null
            : FilterParser.parse(kind, params.filter());
    Path sortBy = null;
    if (params.sortBy() != null && !params.sortBy().isBlank()) {
      try {
        sortBy = Path.fromString(params.sortBy().trim());
      } catch (BadRequestException e) {
        throw BadRequestException.invalidValue("sortBy '" + params.sortBy() + "' is not a path");
      }
      if (SchemaRegistry.resolve(kind, sortBy).isEmpty()) {
        throw BadRequestException.invalidValue(
            "sortBy '" + params.sortBy() + "' is not an attribute of " + kind.name());
      }
    }
    boolean descending = false;
    if (params.sortOrder() != null && !params.sortOrder().isBlank()) {
      String order = params.sortOrder().trim();
      if (order.equalsIgnoreCase("descending")) {
        descending = true;
      } else if (!order.equalsIgnoreCase("ascending")) {
        throw BadRequestException.invalidValue(
            "sortOrder must be 'ascending' or 'descending', not '" + order + "'");
      }
    }
    // RFC 7644 §3.4.2.4: startIndex below 1 means 1; a negative count means 0.
    int startIndex = Math.max(1, integer("startIndex", params.startIndex(), 1));
    int count = Math.min(MAX_RESULTS, Math.max(0, integer("count", params.count(), DEFAULT_COUNT)));
    Projection projection =
        Projection.parse(kind, params.attributes(), params.excludedAttributes());
    return new ListQuery(filter, sortBy, descending, startIndex, count, projection);
  }

  private static int integer(String name, String text, int fallback) throws BadRequestException {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text.trim());
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    } catch (NumberFormatException e) {
      throw BadRequestException.invalidValue(name + " must be an integer, not '" + text + "'");
    }
  }
}
