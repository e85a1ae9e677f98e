package dev.switchboard.scim;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import dev.switchboard.scim.quirks.UnquotedFilterValues;

/**
 * The one way a filter string becomes a filter: IdP spellings repaired, the SDK's parser, then
 * literals coerced to each attribute's schema type. Stateless and thread-safe.
 */
public final class FilterParser {
  /**
   * The longest filter read, in characters: a filter longer than this is a mistake or an attack.
   */
  public static final int MAX_LENGTH = 10_000;

  /** The deepest nesting of parentheses and brackets read (the SDK's parser recurses on each). */
  public static final int MAX_DEPTH = 50;

  private FilterParser() {}

  /** Parses {@code text} for resources of {@code kind}; a 400 invalidFilter for anything wrong. */
  public static Filter parse(ResourceKind kind, String text) throws BadRequestException {
    if (text == null || text.isBlank()) {
      throw BadRequestException.invalidFilter("The filter is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw BadRequestException.invalidFilter(
          "The filter is "
              + text.length()
              + " characters long; the limit is "
              + MAX_LENGTH
              + ". Split the query, or filter on fewer values at a time");
    }
    requireBalanced(text);
    Filter parsed;
    try {
      parsed = Filter.fromString(UnquotedFilterValues.quote(text));
    } catch (BadRequestException e) {
      throw BadRequestException.invalidFilter(
          "Cannot parse filter '" + text + "': " + e.getMessage());
    }
    if (NulCharacters.inValuesOf(parsed)) {
      throw BadRequestException.invalidFilter(
          "A value in the filter holds the NUL character (\\u0000), which no SCIM value may hold");
    }
    return new FilterTypeCoercion(kind).coerce(parsed);
  }

  /**
   * The SDK's parser lets an unclosed {@code [} or {@code (} pass; we do not guess. Nesting deeper
   * than {@link #MAX_DEPTH} is refused here too, before the parser recurses into it.
   */
  private static void requireBalanced(String text) throws BadRequestException {
    int parentheses = 0;
    int brackets = 0;
    int depth = 0;
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
      depth = Math.max(depth, parentheses + brackets);
      if (depth > MAX_DEPTH) {
        throw BadRequestException.invalidFilter(
            "The filter nests parentheses and brackets more than "
                + MAX_DEPTH
                + " deep; flatten it");
      }
    }
    if (quoted || parentheses != 0 || brackets != 0) {
      throw BadRequestException.invalidFilter(
          "Unbalanced quotes, parentheses or brackets in" + " filter '" + text + "'");
    }
  }
}
