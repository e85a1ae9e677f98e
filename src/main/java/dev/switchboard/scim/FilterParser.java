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
    requireBalanced(text);
    Filter parsed;
    try {
      parsed = Filter.fromString(UnquotedFilterValues.quote(text));
    } catch (BadRequestException e) {
      throw BadRequestException.invalidFilter(
          "Cannot parse filter '" + text + "': " + e.getMessage());
    }
    return new FilterTypeCoercion(kind).coerce(parsed);
  }

  /** The SDK's parser lets an unclosed {@code [} or {@code (} pass; we do not guess. */
  private static void requireBalanced(String text) throws BadRequestException {
    int parentheses = 0;
    int brackets = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
        continue;
      }
      switch (c) {
        case '"' -> quoted = true;
        case '(' -> parentheses++;
        case ')' -> parentheses--;
        case '[' -> brackets++;
        case ']' -> brackets--;
        default -> {}
      }
      if (parentheses < 0 || brackets < 0) {
        break;
      }
    }
    if (quoted || parentheses != 0 || brackets != 0) {
      throw BadRequestException.invalidFilter(
          "Unbalanced quotes, parentheses or brackets in" + " filter '" + text + "'");
    }
  }
}
