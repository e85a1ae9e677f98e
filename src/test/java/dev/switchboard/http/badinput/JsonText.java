package dev.switchboard.http.badinput;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JSON written as text, so that generators can put in what a tree model cannot hold (a number like
 * {@code 1e400}, a duplicate key, a truncated document). Stateless.
 */
final class JsonText {
  private JsonText() {}

  static String string(String value) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
  }

  /** An object of the given members, whose values are JSON text already. */
  static String object(List<Map.Entry<String, String>> members) {
    return members.stream()
        .map(member -> string(member.getKey()) + ":" + member.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  static String object(Map<String, String> members) {
    return object(List.copyOf(members.entrySet()));
  }

  static String array(List<String> elements) {
    return elements.stream().collect(Collectors.joining(",", "[", "]"));
  }
}
