package dev.switchboard.conformance.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** JSON parsing and the few tree walks the tests repeat. Thread-safe. */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** Parses JSON text; throws {@link IllegalArgumentException} when it is not JSON. */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** {@code value} as a JSON string literal, quotes and escapes included. */
  public static String quote(String value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The text of each element of a JSON array of strings; empty when the node is missing or null.
   */
  public static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(element -> texts.add(element.asText()));
    return texts;
  }

  /** The text of {@code field} in each element of a JSON array of objects, in order. */
  public static List<String> fieldTexts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(element -> texts.add(element.path(field).asText(null)));
    return texts;
  }

  /** Like {@link #fieldTexts} but as a set, for comparisons that ignore order. */
  public static Set<String> fieldTextSet(JsonNode array, String field) {
    return new LinkedHashSet<>(fieldTexts(array, field));
  }

  /**
   * The first element of an array of objects whose {@code field} has the text {@code value}, or a
   * missing node.
   */
  public static JsonNode elementWhere(JsonNode array, String field, String value) {
    for (JsonNode element : array) {
      if (value.equals(element.path(field).asText(null))) {
        return element;
      }
    }
    return MAPPER.missingNode();
  }
}
