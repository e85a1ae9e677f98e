package dev.switchboard.http.badinput;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Odd JSON values as text, sorted by what they are not: the building blocks of every other
 * generator here. Each method's values are refused where its name says (a value that is "not an
 * integer" is refused by an integer attribute); {@link #anyJson} is for places that ignore or
 * accept anything. Stateless.
 */
final class OddValues {
  private OddValues() {}

  /** Strings to trip a parser: empty, blank, huge, control characters, odd Unicode, quotes. */
  static Arbitrary<String> oddText() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            " ",
            "\t\n",
            "\u0000",
            "a\u0000b",
            "\u0007\u001b[31m",
            "\"",
            "\\",
            "'; DROP TABLE users; --",
            "%00%ff",
            "null",
            "NaN",
            "-0",
            "1e309",
            "☎️👩🏽‍💻",
            "\u202Eevil\u202C",
            "e\u0301\u0301\u0301",
            "\uD800",
            "\uFFFF",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName",
            "members[value eq \"x\"]",
            "bulkId:nowhere"),
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(8),
        Arbitraries.integers().between(1_000, 200_000).map("x"::repeat),
        Arbitraries.integers().between(1_000, 20_000).map("☎"::repeat));
  }

  static Arbitrary<String> jsonString() {
    return oddText().map(JsonText::string);
  }

  /** Numbers as JSON literals, including ones no long or double holds. */
  static Arbitrary<String> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "0",
            "-1",
            "1.5",
            "-0.0",
            "1e400",
            "-1e400",
            "4.9e-325",
            "9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "1" + "0".repeat(400)),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf));
  }

  /**
   * Arrays and objects, some deeply nested: refused where a single string, number or boolean goes.
   */
  static Arbitrary<String> containers() {
    return Arbitraries.oneOf(
        Arbitraries.of("[]", "{}", "[null]", "[[]]", "{\"value\":{}}", "[{\"a\":[1,{}]}]"),
        jsonString().list().ofMaxSize(4).map(JsonText::array),
        Arbitraries.integers()
            .between(10, 3_000)
            .map(depth -> "[".repeat(depth) + "]".repeat(depth)),
        Arbitraries.integers()
            .between(10, 3_000)
            .map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
  }

  /** Anything: what an unknown attribute, which is ignored, may carry. */
  static Arbitrary<String> anyJson() {
    return Arbitraries.oneOf(
        jsonString(), numbers(), containers(), Arbitraries.of("true", "false", "null"));
  }

  /** Refused by a string attribute (single-valued): containers only, since scalars are coerced. */
  static Arbitrary<String> notAString() {
    return containers();
  }

  /** Refused by an integer attribute. */
  static Arbitrary<String> notAnInteger() {
    return Arbitraries.oneOf(
        containers(),
        Arbitraries.of(
            "true", "false", "1.5", "-0.25", "1e400", "\"\"", "\"ten\"", "\"1e30\"", "\"0x10\""),
        oddText().filter(text -> !text.trim().matches("[-+]?[0-9.eE]+")).map(JsonText::string));
  }

  /** Refused by a boolean attribute (which takes "true"/"false" strings from Entra). */
  static Arbitrary<String> notABoolean() {
    return Arbitraries.oneOf(
        containers(),
        numbers(),
        Arbitraries.of("\"yes\"", "\"1\"", "\"truee\"", "\"\""),
        oddText()
            .filter(text -> !text.trim().equalsIgnoreCase("true"))
            .filter(text -> !text.trim().equalsIgnoreCase("false"))
            .map(JsonText::string));
  }

  /** Refused by a complex attribute. */
  static Arbitrary<String> notAnObject() {
    return Arbitraries.oneOf(
        jsonString(), numbers(), Arbitraries.of("true", "[1]", "[\"a\"]", "[[{}]]"));
  }

  /** Names no schema has, so the server ignores them. */
  static Arbitrary<String> unknownNames() {
    return Arbitraries.oneOf(
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(name -> "zz" + name),
        Arbitraries.of(
            "", " ", "zz.dotted.name", "zz[bracket]", "urn:example:zz:1.0:Thing", "zz\u0000"));
  }
}
