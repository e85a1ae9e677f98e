package dev.switchboard.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.filters.Filter;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The NUL character (U+0000). No SCIM value holds one, and PostgreSQL cannot keep it in text, so a
 * request that carries one is refused as a whole, on either engine, before anything is stored: a
 * store never holds text that the other engine would refuse.
 */
public final class NulCharacters {
  private static final char NUL = '\0';

  private NulCharacters() {}

  public static boolean in(String text) {
    return text != null && text.indexOf(NUL) >= 0;
  }

  /** The JSON pointer of the first member name or string in {@code node} holding a NUL. */
  public static Optional<String> firstIn(JsonNode node) {
    return firstIn(node, "");
  }

  private static Optional<String> firstIn(JsonNode node, String pointer) {
    if (node.isTextual()) {
      return in(node.textValue())
          ? Optional.of(pointer.isEmpty() ? "/" : pointer)
          : Optional.empty();
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> found = firstIn(node.get(i), pointer + "/" + i);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      String at = pointer + "/" + member.getKey().replace("~", "~0").replace("/", "~1");
      if (in(member.getKey())) {
        return Optional.of(at);
      }
      Optional<String> found = firstIn(member.getValue(), at);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** True when a value compared anywhere in {@code filter} holds a NUL. */
  static boolean inValuesOf(Filter filter) {
    if (filter.isCombiningFilter()) {
      return filter.getCombinedFilters().stream().anyMatch(NulCharacters::inValuesOf);
    }
    if (filter.isNotFilter()) {
      return inValuesOf(filter.getInvertedFilter());
    }
    if (filter.isComplexValueFilter()) {
      return inValuesOf(filter.getValueFilter());
    }
    JsonNode value = filter.isComparisonFilter() ? filter.getComparisonValue() : null;
    return value != null && value.isTextual() && in(value.textValue());
  }
}
