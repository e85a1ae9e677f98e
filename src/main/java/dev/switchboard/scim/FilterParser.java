package dev.switchboard.scim;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import dev.switchboard.scim.quirks.UnquotedFilterValues;

/**
 * The one way a filter string becomes a filter: IdP spellings repaired, the SDK's parser, then
 * literals coerced to each attribute's schema type. Stateless and thread-safe.
 */
public final class FilterParser {
  private FilterParser() {}

  /** Parses {@code text} for resources of {@code kind}; a 400 invalidFilter for anything wrong. */
  public static Filter parse(ResourceKind kind, String text) throws BadRequestException {
    if (text == null || text.isBlank()) {
      throw BadRequestException.invalidFilter("The filter is empty");
    }
    Filter parsed;
    try {
      parsed = Filter.fromString(UnquotedFilterValues.quote(text));
    } catch (BadRequestException e) {
      throw BadRequestException.invalidFilter(
          "Cannot parse filter '" + text + "': " + e.getMessage());
    }
    return new FilterTypeCoercion(kind).coerce(parsed);
  }
}
