package dev.switchboard.conformance.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds percent-encoded query strings, with spaces as {@code %20}. Stateless. */
public final class Query {

  private Query() {}

  /**
   * {@code "?k1=v1&k2=v2"} from alternating names and values, each value fully encoded.
   *
   * <p>Example: {@code "/Users" + Query.of("filter", "userName eq \"bjensen\"", "count", "5")}.
   */
  public static String of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      query
          .append(i == 0 ? '?' : '&')
          .append(encode(namesAndValues[i]))
          .append('=')
          .append(encode(namesAndValues[i + 1]));
    }
    return query.toString();
  }

  /** Shorthand for {@code of("filter", expression)}. */
  public static String filter(String expression) {
    return of("filter", expression);
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
