package dev.switchboard.http.badinput;

import dev.switchboard.TestServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated request: method, a target under {@code /scim/v2} (path and query, already encoded),
 * headers and an optional body. By default it carries the admin token and, with a body, {@code
 * Content-Type: application/scim+json}; a header set to null is left out. Immutable.
 */
record Probe(String method, String target, Map<String, String> headers, String body) {
  static final String SCIM_JSON = "application/scim+json";

  Probe {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  static Probe of(String method, String target, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + TestServer.ADMIN_TOKEN);
    if (body != null) {
      headers.put("Content-Type", SCIM_JSON);
    }
    return new Probe(method, target, headers, body);
  }

  /** The same request with {@code name} set to {@code value} (null: sent without it). */
  Probe with(String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(headers);
    changed.put(name, value);
    return new Probe(method, target, changed, body);
  }

  /** The headers actually sent. */
  List<Map.Entry<String, String>> sentHeaders() {
    List<Map.Entry<String, String>> sent = new ArrayList<>();
    headers.forEach(
        (name, value) -> {
          if (value != null) {
            sent.add(Map.entry(name, value));
          }
        });
    return sent;
  }

  /** Short enough for a failure message: long bodies and targets are cut. */
  @Override
  public String toString() {
    return method
        + " "
        + cut(target, 300)
        + " "
        + headers
        + (body == null ? "" : " " + cut(body, 600));
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
  }
}
