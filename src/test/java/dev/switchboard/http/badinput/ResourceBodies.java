package dev.switchboard.http.badinput;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * POST and PUT bodies for every writable resource, each carrying at least one defect the server
 * must refuse (a required attribute missing, a value of the wrong type, an unknown name where a
 * reference goes, a duplicate, broken JSON), mixed with noise it must ignore (unknown attributes
 * with odd values, odd text in free-text attributes), in random order. Unknown member ids are no
 * defect: the server skips them by design (README "Choices where the RFC leaves room"). Stateless.
 */
final class ResourceBodies {
  private static final String REMOVE = null;

  private ResourceBodies() {}

  /** One attribute's bad value (null: the attribute left out). */
  record Defect(String attribute, String value) {}

  /** A resource type: its endpoint, the seeded resource PUTs go to, a valid body, its defects. */
  private record Shape(
      String endpoint,
      String target,
      Map<String, String> valid,
      Arbitrary<Defect> defects,
      List<String> freeText) {}

  /** A POST or PUT to any resource type, always refused. */
  static Arbitrary<Probe> writes(SeededServer.Ids ids) {
    return Arbitraries.of(shapes(ids)).flatMap(ResourceBodies::write);
  }

  /** Just the bodies (with their endpoints): what bulk operations carry. */
  static Arbitrary<Map.Entry<String, String>> bodies(SeededServer.Ids ids) {
    return Arbitraries.of(shapes(ids))
        .filter(shape -> !shape.endpoint().equals("/SeatPools"))
        .flatMap(shape -> body(shape).map(body -> Map.entry(shape.endpoint(), body)));
  }

  private static Arbitrary<Probe> write(Shape shape) {
    Arbitrary<Probe> post = body(shape).map(body -> Probe.of("POST", shape.endpoint(), body));
    Arbitrary<Probe> put =
        body(shape).map(body -> Probe.of("PUT", shape.endpoint() + "/" + shape.target(), body));
    Arbitrary<Probe> putNowhere =
        Combinators.combine(OddValues.oddText(), Arbitraries.just(JsonText.object(shape.valid())))
            .as((id, body) -> Probe.of("PUT", shape.endpoint() + "/" + pathSegment(id), body));
    if (shape.endpoint().equals("/SeatPools")) {
      return Arbitraries.oneOf(put, putNowhere, post);
    }
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, post),
        net.jqwik.api.Tuple.of(4, put),
        net.jqwik.api.Tuple.of(1, putNowhere));
  }

  private static Arbitrary<String> body(Shape shape) {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, withDefect(shape)), net.jqwik.api.Tuple.of(1, broken(shape)));
  }

  /** A valid body with one attribute made bad, plus noise, shuffled. */
  private static Arbitrary<String> withDefect(Shape shape) {
    Arbitrary<List<Map.Entry<String, String>>> noise =
        Combinators.combine(OddValues.unknownNames(), OddValues.anyJson())
            .as(Map::entry)
            .list()
            .ofMaxSize(3);
    Arbitrary<List<Map.Entry<String, String>>> oddFreeText =
        shape.freeText().isEmpty()
            ? Arbitraries.just(List.of())
            : Combinators.combine(Arbitraries.of(shape.freeText()), OddValues.jsonString())
                .as(Map::entry)
                .list()
                .ofMaxSize(2);
    return Combinators.combine(
            shape.defects(), noise, oddFreeText, Arbitraries.of(false, true), Arbitraries.randoms())
        .as(
            (defect, unknown, free, duplicateKey, random) -> {
              Map<String, String> members = new LinkedHashMap<>(shape.valid());
              free.stream()
                  .filter(entry -> !entry.getKey().equals(defect.attribute()))
                  .forEach(entry -> members.put(entry.getKey(), entry.getValue()));
              List<Map.Entry<String, String>> written = new ArrayList<>();
              boolean keepValidFirst = duplicateKey && defect.value() != null;
              members.forEach(
                  (name, value) -> {
                    if (!name.equals(defect.attribute()) || keepValidFirst) {
                      written.add(Map.entry(name, value));
                    }
                  });
              written.addAll(unknown);
              java.util.Collections.shuffle(written, random);
              if (defect.value() != null) {
                // A repeated key goes last, so that whichever copy a parser keeps, one is bad.
                written.add(Map.entry(defect.attribute(), defect.value()));
              }
              return JsonText.object(written);
            });
  }

  /** Not a JSON object at all, or not JSON. */
  private static Arbitrary<String> broken(Shape shape) {
    String valid = JsonText.object(shape.valid());
    return Arbitraries.oneOf(
        Arbitraries.integers().between(1, valid.length() - 1).map(end -> valid.substring(0, end)),
        Arbitraries.of(
            "",
            " ",
            "null",
            "true",
            "42",
            "\"a string\"",
            "[" + valid + "]",
            valid + "}",
            valid + " " + valid,
            valid + "garbage",
            valid.replace('"', '\''),
            "/* comment */" + valid,
            valid.replaceFirst(":", ":NaN,\"zz\":"),
            valid.replace("\"", "")),
        OddValues.oddText());
  }

  private static List<Shape> shapes(SeededServer.Ids ids) {
    return List.of(
        users(ids),
        groups(ids),
        templates(ids),
        sites(ids),
        seatPools(),
        packages(ids),
        numbers(ids));
  }

  private static Shape users(SeededServer.Ids ids) {
    Map<String, String> valid = new LinkedHashMap<>();
    valid.put("schemas", "[\"" + Urns.USER + "\"]");
    valid.put("userName", JsonText.string("zz-new-user@example.com"));
    valid.put("name", "{\"givenName\":\"New\",\"familyName\":\"User\"}");
    valid.put("displayName", "\"New User\"");
    valid.put("active", "true");
    valid.put(
        "emails", "[{\"value\":\"zz-new-user@example.com\",\"type\":\"work\",\"primary\":true}]");
    valid.put(
        Urns.CONTACT_CENTER,
        "{\"license\":\"standard\",\"role\":\"agent\",\"queues\":[\"Sales\"]}");
    Arbitrary<String> badTier =
        Arbitraries.oneOf(
            Arbitraries.of("\"gold\"", "\"Premium+\"", "\"1\"", "\"nonee\"", "2"),
            OddValues.containers());
    Arbitrary<String> badRole =
        Arbitraries.oneOf(Arbitraries.of("\"boss\"", "\"agents\"", "7"), OddValues.containers());
    Arbitrary<String> badAgentId =
        Arbitraries.oneOf(OddValues.notAnInteger(), Arbitraries.of("0", "-5", "\"-1\""));
    return new Shape(
        "/Users",
        ids.alice(),
        valid,
        Arbitraries.oneOf(
            Arbitraries.of(
                new Defect("userName", REMOVE),
                new Defect("userName", "\"\""),
                new Defect("userName", "\" \\t \""),
                new Defect("userName", JsonText.string(SeededServer.BOB.toUpperCase(Locale.ROOT)))),
            OddValues.notAString().map(value -> new Defect("userName", value)),
            OddValues.notAnObject().map(value -> new Defect("name", value)),
            OddValues.containers()
                .map(value -> new Defect("name", "{\"givenName\":" + value + "}")),
            OddValues.notAnObject().map(value -> new Defect("emails", "[" + value + "]")),
            OddValues.containers().map(value -> new Defect("emails", "{\"value\":" + value + "}")),
            OddValues.notABoolean().map(value -> new Defect("active", value)),
            OddValues.notAnObject().map(value -> new Defect(Urns.CONTACT_CENTER, value)),
            badTier.map(value -> new Defect(Urns.CONTACT_CENTER, "{\"license\":" + value + "}")),
            badRole.map(value -> new Defect(Urns.CONTACT_CENTER, "{\"role\":" + value + "}")),
            badAgentId.map(value -> new Defect(Urns.CONTACT_CENTER, "{\"agentId\":" + value + "}")),
            OddValues.containers()
                .map(value -> new Defect(Urns.CONTACT_CENTER, "{\"queues\":[" + value + "]}")),
            OddValues.notABoolean()
                .map(value -> new Defect(Urns.PHONE, "{\"licensed\":" + value + "}")),
            Arbitraries.of(
                    "{\"callingPackage\":\"NoSuchPackage\"}",
                    "{\"site\":\"Nowhere\"}",
                    "{\"extensionNumber\":\"12a\"}",
                    "{\"extensionNumber\":\"-5\"}",
                    "{\"extensionNumber\":\"" + "9".repeat(19) + "\"}",
                    "{\"directNumbers\":[\"+15559999999\"]}",
                    "{\"directNumbers\":[\"" + SeededServer.OTHER_NUMBER + "\"]}",
                    "{\"directNumbers\":[{}]}")
                .map(value -> new Defect(Urns.PHONE, value))),
        List.of("displayName", "nickName", "title", "externalId", "preferredLanguage"));
  }

  private static Shape groups(SeededServer.Ids ids) {
    Map<String, String> valid = new LinkedHashMap<>();
    valid.put("schemas", "[\"" + Urns.GROUP + "\"]");
    valid.put("displayName", "\"zz-new-group\"");
    valid.put("members", "[{\"value\":\"" + ids.bob() + "\"}]");
    return new Shape(
        "/Groups",
        ids.sales(),
        valid,
        Arbitraries.oneOf(
            Arbitraries.of(
                new Defect("displayName", REMOVE),
                new Defect("displayName", "\"\""),
                new Defect(
                    "displayName", JsonText.string(SeededServer.SUPPORT.toUpperCase(Locale.ROOT)))),
            OddValues.notAString().map(value -> new Defect("displayName", value)),
            // A bare string is a member id (Microsoft's validator sends them), so no strings here.
            Arbitraries.oneOf(
                    OddValues.numbers(),
                    Arbitraries.of("true", "[1]", "{\"value\":\"  \"}", "{\"display\":\"x\"}"))
                .map(value -> new Defect("members", "[" + value + "]")),
            OddValues.containers()
                .map(value -> new Defect("members", "[{\"value\":" + value + "}]"))),
        List.of("externalId"));
  }

  private static Shape templates(SeededServer.Ids ids) {
    Map<String, String> valid = new LinkedHashMap<>();
    valid.put("name", "\"zz-new-template\"");
    valid.put("group", "{\"display\":\"" + SeededServer.SALES + "\"}");
    valid.put("precedence", "5");
    valid.put("contactCenter", "\"standard\"");
    valid.put("phone", "false");
    return new Shape(
        "/LicenseTemplates",
        ids.template(),
        valid,
        Arbitraries.oneOf(
            Arbitraries.of(
                new Defect("name", REMOVE),
                new Defect("name", "\"\""),
                new Defect(
                    "name", JsonText.string(SeededServer.OTHER_TEMPLATE.toUpperCase(Locale.ROOT))),
                new Defect("group", REMOVE),
                new Defect("group", "{}"),
                new Defect("group", "{\"display\":\"  \"}"),
                new Defect("group", "{\"value\":\"no-such-group\"}"),
                new Defect("contactCenter", "\"gold\""),
                new Defect("callingPackage", "\"NoSuchPackage\""),
                new Defect("site", "\"Nowhere\"")),
            OddValues.notAString().map(value -> new Defect("name", value)),
            OddValues.notAnObject().map(value -> new Defect("group", value)),
            OddValues.notAnInteger().map(value -> new Defect("precedence", value)),
            OddValues.containers().map(value -> new Defect("contactCenter", value)),
            OddValues.notABoolean().map(value -> new Defect("phone", value)),
            OddValues.containers().map(value -> new Defect("callingPackage", value)),
            OddValues.containers().map(value -> new Defect("site", value))),
        List.of());
  }

  private static Shape sites(SeededServer.Ids ids) {
    Map<String, String> valid = new LinkedHashMap<>();
    valid.put("name", "\"zz-new-site\"");
    valid.put("extensionRanges", "[{\"from\":\"5000\",\"to\":\"5999\"}]");
    valid.put("extensionCooldownDays", "0");
    valid.put("holdDays", "30");
    return new Shape(
        "/Sites",
        ids.mainSite(),
        valid,
        Arbitraries.oneOf(
            Arbitraries.of(
                new Defect("name", REMOVE),
                new Defect("name", "\"\""),
                new Defect(
                    "name", JsonText.string(SeededServer.BRANCH_SITE.toUpperCase(Locale.ROOT))),
                new Defect("extensionRanges", "[{\"from\":\"500\",\"to\":\"5999\"}]"),
                new Defect("extensionRanges", "[{\"from\":\"6000\",\"to\":\"5000\"}]"),
                new Defect("extensionRanges", "[{\"from\":\"abc\",\"to\":\"def\"}]"),
                new Defect("extensionRanges", "[{\"from\":\"3500\",\"to\":\"3600\"}]"),
                new Defect("extensionRanges", "[{\"from\":\"5000\"}]"),
                new Defect(
                    "extensionRanges",
                    "[{\"from\":\"" + "1".repeat(19) + "\",\"to\":\"" + "9".repeat(19) + "\"}]"),
                new Defect("extensionCooldownDays", "-1"),
                new Defect("holdDays", "-30")),
            OddValues.notAString().map(value -> new Defect("name", value)),
            OddValues.notAnObject().map(value -> new Defect("extensionRanges", "[" + value + "]")),
            OddValues.containers()
                .map(
                    value ->
                        new Defect("extensionRanges", "[{\"from\":" + value + ",\"to\":\"1\"}]")),
            OddValues.notAnInteger().map(value -> new Defect("extensionCooldownDays", value)),
            OddValues.notAnInteger().map(value -> new Defect("holdDays", value)),
            OddValues.notABoolean().map(value -> new Defect("isDefault", value))),
        List.of());
  }

  private static Shape seatPools() {
    return new Shape(
        "/SeatPools",
        "contactCenter.standard",
        Map.of("capacity", "10"),
        Arbitraries.oneOf(
            Arbitraries.of(
                new Defect("capacity", "-1"), new Defect("capacity", "-9223372036854775808")),
            OddValues.notAnInteger().map(value -> new Defect("capacity", value))),
        List.of());
  }

  private static Shape packages(SeededServer.Ids ids) {
    Map<String, String> valid = new LinkedHashMap<>();
    valid.put("name", "\"zz-new-package\"");
    valid.put("rank", "3");
    return new Shape(
        "/CallingPackages",
        ids.callingPackage(),
        valid,
        Arbitraries.oneOf(
            Arbitraries.of(
                new Defect("name", REMOVE),
                new Defect("name", "\"\""),
                new Defect(
                    "name", JsonText.string(SeededServer.OTHER_PACKAGE.toUpperCase(Locale.ROOT))),
                new Defect("rank", REMOVE)),
            OddValues.notAString().map(value -> new Defect("name", value)),
            OddValues.notAnInteger().map(value -> new Defect("rank", value))),
        List.of());
  }

  private static Shape numbers(SeededServer.Ids ids) {
    Map<String, String> valid = new LinkedHashMap<>();
    valid.put("number", "\"+15550199999\"");
    valid.put("site", JsonText.string(SeededServer.MAIN_SITE));
    return new Shape(
        "/PhoneNumbers",
        ids.number(),
        valid,
        Arbitraries.oneOf(
            Arbitraries.of(
                new Defect("number", REMOVE),
                new Defect("number", "\"\""),
                new Defect("number", "\"15550199999\""),
                new Defect("number", "\"+1555\""),
                new Defect("number", "\"+0155501999\""),
                new Defect("number", JsonText.string(SeededServer.OTHER_NUMBER)),
                new Defect("site", "\"Nowhere\"")),
            OddValues.notAString().map(value -> new Defect("number", value)),
            OddValues.oddText()
                .filter(text -> !text.trim().matches("\\+[1-9][0-9]{7,14}"))
                .map(text -> new Defect("number", JsonText.string(text))),
            OddValues.containers().map(value -> new Defect("site", value))),
        List.of());
  }

  /**
   * An id that names nothing, kept under the 64 KiB request-head limit: past it the server answers
   * and closes while the client still sends its body, which the client reports as a broken pipe.
   */
  static String pathSegment(String text) {
    String id = "zz" + text.substring(0, Math.min(text.length(), 5_000));
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
