package dev.switchboard.scim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.ContainsFilter;
import com.unboundid.scim2.common.filters.EndsWithFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterVisitor;
import com.unboundid.scim2.common.filters.GreaterThanFilter;
import com.unboundid.scim2.common.filters.GreaterThanOrEqualFilter;
import com.unboundid.scim2.common.filters.LessThanFilter;
import com.unboundid.scim2.common.filters.LessThanOrEqualFilter;
import com.unboundid.scim2.common.filters.NotEqualFilter;
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import com.unboundid.scim2.common.filters.PresentFilter;
import com.unboundid.scim2.common.filters.StartsWithFilter;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.scim.quirks.BooleanStrings;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds a parsed filter with each literal in its attribute's schema type ({@code "True"} → true
 * for booleans, numbers → strings for string attributes, any ISO-8601 timestamp → a normalised
 * instant) and rejects attributes no schema defines. One instance per kind.
 */
final class FilterTypeCoercion implements FilterVisitor<Filter, Path> {
  private static final JsonNodeFactory json = JsonUtils.getJsonNodeFactory();
  private final ResourceKind kind;

  FilterTypeCoercion(ResourceKind kind) {
    this.kind = kind;
  }

  Filter coerce(Filter filter) throws BadRequestException {
    try {
      return filter.visit(this, Path.root());
    } catch (BadRequestException e) {
      throw e;
    } catch (ScimException e) {
      throw BadRequestException.invalidFilter(e.getMessage());
    }
  }

  private Path absolute(Path prefix, Path path) {
    if (prefix.size() == 0) {
      return path;
    }
    Path result = prefix;
    for (Path.Element element : path) {
      result = result.attribute(element.getAttribute());
    }
    return result;
  }

  private AttributeDefinition definition(Path prefix, Path path) throws BadRequestException {
    Path full = absolute(prefix, path);
    // "value" inside a filter on a multi-valued string (emails[value …]) names the value itself.
    return SchemaRegistry.resolve(kind, full)
        .or(
            () ->
                prefix.size() > 0 && path.toString().equalsIgnoreCase("value")
                    ? SchemaRegistry.resolve(kind, prefix)
                    : java.util.Optional.empty())
        .orElseThrow(
            () ->
                BadRequestException.invalidFilter(
                    "The filter names '"
                        + full
                        + "', which is not an attribute of "
                        + kind.name()));
  }

  private ValueNode coerceValue(Path prefix, Filter filter) throws BadRequestException {
    AttributeDefinition definition = definition(prefix, filter.getAttributePath());
    ValueNode value = filter.getComparisonValue();
    if (value == null || value.isNull()) {
      return value;
    }
    switch (definition.getType()) {
      case BOOLEAN:
        if (value.isBoolean()) {
          return value;
        }
        return BooleanStrings.parse(value)
            .orElseThrow(
                () ->
                    BadRequestException.invalidFilter(
                        "'"
                            + filter.getAttributePath()
                            + "' is a boolean; compare it with true or false"));
      case INTEGER:
      case DECIMAL:
        if (value.isNumber()) {
          return value;
        }
        try {
          return json.numberNode(new BigDecimal(value.asText().trim()));
        } catch (NumberFormatException e) {
          throw BadRequestException.invalidFilter(
              "'" + filter.getAttributePath() + "' is a number; '" + value.asText() + "' is not");
        }
      case DATETIME:
        return json.textNode(instant(filter.getAttributePath(), value.asText()));
      default:
        return value.isTextual() ? value : json.textNode(value.asText());
    }
  }

  private static String instant(Path path, String text) throws BadRequestException {
    try {
      return OffsetDateTime.parse(text.trim()).toInstant().toString();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text.trim()).toString();
      } catch (DateTimeParseException again) {
        throw BadRequestException.invalidFilter(
            "'" + path + "' is a dateTime; '" + text + "' is not an ISO-8601 timestamp");
      }
    }
  }

  private List<Filter> all(List<Filter> filters, Path prefix) throws ScimException {
    List<Filter> result = new ArrayList<>(filters.size());
    for (Filter f : filters) {
      result.add(f.visit(this, prefix));
    }
    return result;
  }

  @Override
  public Filter visit(EqualFilter f, Path p) throws ScimException {
    return Filter.eq(f.getAttributePath(), coerceValue(p, f));
  }

  @Override
  public Filter visit(NotEqualFilter f, Path p) throws ScimException {
    return Filter.ne(f.getAttributePath(), coerceValue(p, f));
  }

  @Override
  public Filter visit(ContainsFilter f, Path p) throws ScimException {
    return Filter.co(f.getAttributePath(), coerceValue(p, f));
  }

  @Override
  public Filter visit(StartsWithFilter f, Path p) throws ScimException {
    return Filter.sw(f.getAttributePath(), coerceValue(p, f));
  }

  @Override
  public Filter visit(EndsWithFilter f, Path p) throws ScimException {
    return Filter.ew(f.getAttributePath(), coerceValue(p, f));
  }

  @Override
  public Filter visit(PresentFilter f, Path p) throws ScimException {
    definition(p, f.getAttributePath());
    return f;
  }

  @Override
  public Filter visit(GreaterThanFilter f, Path p) throws ScimException {
    return Filter.gt(f.getAttributePath(), coerceValue(p, f));
  }

  @Override
  public Filter visit(GreaterThanOrEqualFilter f, Path p) throws ScimException {
    return Filter.ge(f.getAttributePath(), coerceValue(p, f));
  }

  @Override
  public Filter visit(LessThanFilter f, Path p) throws ScimException {
    return Filter.lt(f.getAttributePath(), coerceValue(p, f));
  }

  @Override
  public Filter visit(LessThanOrEqualFilter f, Path p) throws ScimException {
    return Filter.le(f.getAttributePath(), coerceValue(p, f));
  }

  @Override
  public Filter visit(AndFilter f, Path p) throws ScimException {
    return Filter.and(all(f.getCombinedFilters(), p));
  }

  @Override
  public Filter visit(OrFilter f, Path p) throws ScimException {
    return Filter.or(all(f.getCombinedFilters(), p));
  }

  @Override
  public Filter visit(NotFilter f, Path p) throws ScimException {
    return Filter.not(f.getInvertedFilter().visit(this, p));
  }

  @Override
  public Filter visit(ComplexValueFilter f, Path p) throws ScimException {
    Path attribute = absolute(p, f.getAttributePath());
    definition(p, f.getAttributePath());
    return Filter.hasComplexValue(f.getAttributePath(), f.getValueFilter().visit(this, attribute));
  }
}
