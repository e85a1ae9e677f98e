package dev.switchboard.http.badinput;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * List and search requests (RFC 7644 §3.4.2–3.4.3) with odd parameters: filters as token soup from
 * the filter grammar, as well-formed expressions nested up to past the depth limit, and past the
 * length limit; odd {@code sortBy}, {@code sortOrder}, {@code startIndex}, {@code count}, {@code
 * attributes}, {@code excludedAttributes}, some repeated. All are reads: any answer below 500 is
 * fine. Stateless.
 */
final class ListQueries {
  private static final List<String> ENDPOINTS =
      List.of(
          "/Users",
          "/Groups",
          "/LicenseTemplates",
          "/Sites",
          "/CallingPackages",
          "/PhoneNumbers",
          "/SeatPools",
          "/AuditEvents",
          "");

  private static final List<String> ATTRIBUTES =
      List.of(
          "userName",
          "name.givenName",
          "emails.value",
          "emails[type eq \"work\"].value",
          "meta.lastModified",
          "meta.version",
          "active",
          "displayName",
          "members.value",
          "groups.value",
          "id",
          "externalId",
          Urns.CONTACT_CENTER + ":license",
          Urns.CONTACT_CENTER + ":agentId",
          Urns.CONTACT_CENTER + ":queues",
          Urns.PHONE + ":licenseState",
          "name",
          "capacity",
          "precedence",
          "zzUnknown",
          "urn:zz:unknown:1.0:Thing:attr",
          "a.b.c.d",
          "emails[",
          "]");

  private ListQueries() {}

  static Arbitrary<Probe> reads() {
    return Arbitraries.frequencyOf(Tuple.of(4, getWithParameters()), Tuple.of(1, search()));
  }

  /** Filters: grammar soup, deep and long ones, and plain odd text. */
  static Arbitrary<String> filters() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, tokenSoup()),
        Tuple.of(3, expression(4)),
        Tuple.of(1, Arbitraries.integers().between(40, 2_000).map(ListQueries::nested)),
        Tuple.of(1, Arbitraries.integers().between(100, 1_500).map(ListQueries::longChain)),
        Tuple.of(1, OddValues.oddText()));
  }

  private static Arbitrary<Probe> getWithParameters() {
    Arbitrary<List<Map.Entry<String, String>>> parameters =
        parameter().list().ofMinSize(1).ofMaxSize(5);
    return Combinators.combine(Arbitraries.of(ENDPOINTS), parameters)
        .as(
            (endpoint, list) -> {
              List<String> pairs = new ArrayList<>();
              list.forEach(entry -> pairs.add(entry.getKey() + "=" + encode(entry.getValue())));
              return Probe.of("GET", endpoint + "?" + String.join("&", pairs), null);
            });
  }

  private static Arbitrary<Probe> search() {
    Arbitrary<String> member =
        Arbitraries.oneOf(
            filters().map(filter -> "\"filter\":" + JsonText.string(filter)),
            OddValues.anyJson().map(value -> "\"filter\":" + value),
            OddValues.anyJson().map(value -> "\"startIndex\":" + value),
            OddValues.anyJson().map(value -> "\"count\":" + value),
            OddValues.anyJson().map(value -> "\"sortBy\":" + value),
            OddValues.anyJson().map(value -> "\"attributes\":" + value),
            OddValues.anyJson().map(value -> "\"excludedAttributes\":" + value));
    return Combinators.combine(Arbitraries.of(ENDPOINTS), member.list().ofMinSize(1).ofMaxSize(4))
        .as(
            (endpoint, members) ->
                Probe.of(
                    "POST",
                    endpoint + "/.search",
                    "{\"schemas\":[\""
                        + Urns.SEARCH_REQUEST
                        + "\"],"
                        + String.join(",", members)
                        + "}"));
  }

  private static Arbitrary<Map.Entry<String, String>> parameter() {
    Arbitrary<String> numbers =
        Arbitraries.oneOf(
            Arbitraries.of(
                "-1",
                "0",
                "-2147483649",
                "2147483648",
                "99999999999999999999",
                "1.5",
                "1e3",
                " 3 ",
                "+5",
                "0x10",
                "",
                "abc"),
            Arbitraries.longs().map(String::valueOf));
    Arbitrary<String> attributeLists =
        Arbitraries.of(ATTRIBUTES).list().ofMaxSize(6).map(names -> String.join(",", names));
    return Arbitraries.oneOf(
        filters().map(filter -> Map.entry("filter", filter)),
        Arbitraries.oneOf(Arbitraries.of(ATTRIBUTES), OddValues.oddText())
            .map(value -> Map.entry("sortBy", value)),
        Arbitraries.oneOf(
                Arbitraries.of("ascending", "DESCENDING", "up", "", "descending "),
                OddValues.oddText())
            .map(value -> Map.entry("sortOrder", value)),
        numbers.map(value -> Map.entry("startIndex", value)),
        numbers.map(value -> Map.entry("count", value)),
        Arbitraries.oneOf(attributeLists, OddValues.oddText())
            .map(value -> Map.entry("attributes", value)),
        Arbitraries.oneOf(attributeLists, OddValues.oddText())
            .map(value -> Map.entry("excludedAttributes", value)),
        OddValues.oddText().map(value -> Map.entry("zz", value)));
  }

  private static Arbitrary<String> tokenSoup() {
    Arbitrary<String> token =
        Arbitraries.oneOf(
            Arbitraries.of(ATTRIBUTES),
            Arbitraries.of(
                "eq",
                "ne",
                "co",
                "sw",
                "ew",
                "pr",
                "gt",
                "ge",
                "lt",
                "le",
                "EQ",
                "xx",
                "and",
                "or",
                "not",
                "AND",
                "(",
                ")",
                "[",
                "]",
                "\"",
                "\"\"",
                "\"a b\"",
                "\"\\\"\"",
                "true",
                "false",
                "null",
                "42",
                "-1.5e10",
                "\"2024-01-01T00:00:00Z\"",
                ".",
                ":",
                "\\",
                " ",
                "\t",
                "not(",
                "\"bulkId:x\""),
            OddValues.jsonString());
    return token.list().ofMinSize(1).ofMaxSize(25).map(tokens -> String.join(" ", tokens));
  }

  /** A well-formed expression of depth up to {@code depth}; literals of any type. */
  private static Arbitrary<String> expression(int depth) {
    Arbitrary<String> literal =
        Arbitraries.oneOf(
            OddValues.jsonString(),
            Arbitraries.of("true", "false", "null", "42", "-0.5", "1e400", "\"2024-13-45T99:00\""));
    Arbitrary<String> comparison =
        Combinators.combine(
                Arbitraries.of(ATTRIBUTES),
                Arbitraries.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"),
                literal)
            .as((attribute, operator, value) -> attribute + " " + operator + " " + value);
    Arbitrary<String> present = Arbitraries.of(ATTRIBUTES).map(attribute -> attribute + " pr");
    Arbitrary<String> leaf = Arbitraries.oneOf(comparison, present);
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<String> inner = Arbitraries.lazy(() -> expression(depth - 1));
    return Arbitraries.oneOf(
        leaf,
        Combinators.combine(inner, Arbitraries.of("and", "or"), inner)
            .as((left, logic, right) -> left + " " + logic + " " + right),
        inner.map(expression -> "not (" + expression + ")"),
        inner.map(expression -> "(" + expression + ")"),
        Combinators.combine(Arbitraries.of("emails", "members", "groups"), inner)
            .as((attribute, expression) -> attribute + "[" + expression + "]"));
  }

  /** {@code depth} parentheses around one comparison: the depth limit is 50. */
  private static String nested(int depth) {
    return "(".repeat(depth) + "userName eq \"a\"" + ")".repeat(depth);
  }

  /** {@code terms} comparisons joined by {@code or}: past 10,000 characters from ~600 terms. */
  private static String longChain(int terms) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < terms; i++) {
      parts.add("userName eq \"user" + i + "@example.com\"");
    }
    return String.join(" or ", parts);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
