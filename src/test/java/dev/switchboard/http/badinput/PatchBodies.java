package dev.switchboard.http.badinput;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * PATCH requests (RFC 7644 §3.5.2) that must be refused as a whole: any number of valid operations
 * (up to thousands) with one bad operation among them (an unknown op, a path that does not parse, a
 * value of the wrong shape, the removal of a required attribute), or a body that is no PatchOp at
 * all. Since a PATCH is atomic, the valid operations must not land either. Stateless.
 */
final class PatchBodies {
  private PatchBodies() {}

  /** A resource to patch: its URL, operations that would succeed, operations that must fail. */
  private record Target(
      String url, List<String> validOperations, Arbitrary<String> badOperations) {}

  static Arbitrary<Probe> patches(SeededServer.Ids ids) {
    return Arbitraries.of(targets(ids))
        .flatMap(
            target ->
                Arbitraries.frequencyOf(
                    Tuple.of(
                        8,
                        withBadOperation(target)
                            .map(body -> Probe.of("PATCH", target.url(), body))),
                    Tuple.of(2, notAPatch().map(body -> Probe.of("PATCH", target.url(), body))),
                    Tuple.of(1, nowhere(target))));
  }

  private static Arbitrary<String> withBadOperation(Target target) {
    Arbitrary<Integer> validCount =
        Arbitraries.frequencyOf(
            Tuple.of(10, Arbitraries.integers().between(0, 3)),
            Tuple.of(1, Arbitraries.integers().between(100, 3_000)));
    Arbitrary<String> bad = Arbitraries.oneOf(target.badOperations(), anyTargetBadOperation());
    return Combinators.combine(validCount, bad)
        .as(
            (count, badOperation) -> {
              List<String> operations = new ArrayList<>();
              for (int i = 0; i < count; i++) {
                operations.add(target.validOperations().get(i % target.validOperations().size()));
              }
              // Last: the server checks the patched result, so a bad value that a later operation
              // overwrites is never seen (README, "Limits and bad input").
              operations.add(badOperation);
              return patchOp(JsonText.array(operations));
            });
  }

  /** Operations wrong for any resource: the op, the path's syntax, the operation's shape. */
  private static Arbitrary<String> anyTargetBadOperation() {
    Arbitrary<String> badOp =
        Arbitraries.oneOf(
                Arbitraries.of("\"delete\"", "\"\"", "\"replacee\"", "5", "null", "[]", "{}"),
                OddValues.oddText()
                    .filter(text -> !text.trim().matches("(?i)add|remove|replace"))
                    .map(JsonText::string))
            .map(op -> "{\"op\":" + op + ",\"path\":\"displayName\",\"value\":\"x\"}");
    Arbitrary<String> badPath =
        Arbitraries.oneOf(
                Arbitraries.of(
                    "]",
                    "name[",
                    "members[value eq",
                    "members[value eq \"x\"",
                    "members[value]",
                    "emails[type eq].value",
                    "[type eq \"work\"]",
                    "a..b",
                    "name.",
                    ".name",
                    "urn:",
                    "members[value eq \"x\"]]",
                    "emails[(type eq \"work\"]",
                    "emails[type eq \"work\" and]"),
                Arbitraries.integers().between(60, 5_000).map(n -> "emails" + "[".repeat(n)))
            .map(
                path ->
                    "{\"op\":\"replace\",\"path\":" + JsonText.string(path) + ",\"value\":\"x\"}");
    Arbitrary<String> badShape =
        Arbitraries.of(
            "\"replace\"",
            "[]",
            "null",
            "42",
            "{\"path\":\"displayName\",\"value\":\"x\"}",
            "{\"op\":\"replace\",\"path\":[\"displayName\"],\"value\":\"x\"}",
            "{\"op\":\"replace\",\"path\":{},\"value\":\"x\"}");
    return Arbitraries.oneOf(badOp, badPath, badShape);
  }

  /** Bodies that are no PatchOp: broken JSON, no Operations, Operations of the wrong type. */
  private static Arbitrary<String> notAPatch() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            "{",
            "[]",
            "{}",
            "{\"schemas\":[\"" + Urns.PATCH_OP + "\"]}",
            patchOp("null"),
            patchOp("{}"),
            patchOp("\"replace\""),
            patchOp("42"),
            patchOp("[]"),
            patchOp("[[]]"),
            patchOp("[null]"),
            patchOp("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]") + "x"),
        OddValues.anyJson().map(PatchBodies::patchOp).filter(body -> !body.contains("[{")),
        OddValues.oddText());
  }

  /** A valid patch to a resource that does not exist. */
  private static Arbitrary<Probe> nowhere(Target target) {
    String collection = target.url().substring(0, target.url().lastIndexOf('/'));
    return OddValues.oddText()
        .map(
            id ->
                Probe.of(
                    "PATCH",
                    collection + "/" + ResourceBodies.pathSegment(id),
                    patchOp(JsonText.array(target.validOperations()))));
  }

  private static String patchOp(String operations) {
    return "{\"schemas\":[\"" + Urns.PATCH_OP + "\"],\"Operations\":" + operations + "}";
  }

  private static String replace(String path, String value) {
    return "{\"op\":\"replace\",\"path\":" + JsonText.string(path) + ",\"value\":" + value + "}";
  }

  private static Arbitrary<String> replacing(String path, Arbitrary<String> values) {
    return values.map(value -> replace(path, value));
  }

  private static List<Target> targets(SeededServer.Ids ids) {
    String license = Urns.CONTACT_CENTER + ":license";
    Target users =
        new Target(
            "/Users/" + ids.alice(),
            List.of(
                replace("displayName", "\"Alice A.\""),
                "{\"op\":\"add\",\"path\":\"nickName\",\"value\":\"Al\"}",
                "{\"op\":\"replace\",\"value\":{\"title\":\"Agent\"}}"),
            Arbitraries.oneOf(
                replacing("active", OddValues.notABoolean()),
                replacing("name", OddValues.notAnObject()),
                replacing("userName", OddValues.containers()),
                replacing("userName", Arbitraries.of("\"\"", "\"" + SeededServer.BOB + "\"")),
                replacing("emails", OddValues.notAnObject().map(value -> "[" + value + "]")),
                replacing(license, Arbitraries.of("\"gold\"", "[]", "{}")),
                replacing(Urns.CONTACT_CENTER + ":agentId", OddValues.notAnInteger()),
                replacing(Urns.PHONE + ":callingPackage", Arbitraries.of("\"NoSuchPackage\"")),
                replacing(Urns.PHONE + ":extensionNumber", Arbitraries.of("\"12a\"", "\"-1\"")),
                Arbitraries.of(
                    "{\"op\":\"remove\",\"path\":\"userName\"}",
                    "{\"op\":\"replace\",\"value\":{\"active\":\"maybe\"}}",
                    "{\"op\":\"replace\",\"value\":[]}",
                    "{\"op\":\"replace\",\"value\":\"x\"}",
                    "{\"op\":\"add\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":[]}")));
    Target groups =
        new Target(
            "/Groups/" + ids.sales(),
            List.of(
                replace("displayName", "\"Sales Team\""),
                "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                    + ids.bob()
                    + "\"}]}"),
            Arbitraries.oneOf(
                replacing("displayName", OddValues.containers()),
                replacing(
                    "displayName", Arbitraries.of("\"\"", "\"" + SeededServer.SUPPORT + "\"")),
                Arbitraries.of(
                        "true", "[1]", "[[]]", "[{\"value\":{}}]", "[{\"display\":\"x\"}]", "7")
                    .map(value -> "{\"op\":\"add\",\"path\":\"members\",\"value\":" + value + "}"),
                Arbitraries.of(
                    "{\"op\":\"remove\",\"path\":\"displayName\"}",
                    "{\"op\":\"remove\",\"path\":\"members[value eq ]\"}",
                    "{\"op\":\"remove\",\"path\":\"members[value eq \\\"x\\\" or]\"}",
                    "{\"op\":\"replace\",\"path\":\"members[value eq \\\"x\\\"].value\","
                        + "\"value\":{}}")));
    Target templates =
        new Target(
            "/LicenseTemplates/" + ids.template(),
            List.of(replace("precedence", "7")),
            Arbitraries.oneOf(
                replacing("precedence", OddValues.notAnInteger()),
                replacing("contactCenter", Arbitraries.of("\"gold\"", "[]")),
                replacing(
                    "name", Arbitraries.of("\"\"", "\"" + SeededServer.OTHER_TEMPLATE + "\"")),
                replacing("group", OddValues.notAnObject()),
                Arbitraries.of("{\"op\":\"remove\",\"path\":\"name\"}")));
    Target sites =
        new Target(
            "/Sites/" + ids.mainSite(),
            List.of(replace("holdDays", "10")),
            Arbitraries.oneOf(
                replacing("holdDays", OddValues.notAnInteger()),
                replacing("holdDays", Arbitraries.of("-1")),
                replacing("extensionRanges", Arbitraries.of("[{\"from\":\"9\",\"to\":\"10\"}]")),
                replacing("name", Arbitraries.of("\"\"", "\"" + SeededServer.BRANCH_SITE + "\""))));
    Target pool =
        new Target(
            "/SeatPools/contactCenter.standard",
            List.of(replace("capacity", "50")),
            replacing(
                "capacity", Arbitraries.oneOf(OddValues.notAnInteger(), Arbitraries.of("-1"))));
    Target packages =
        new Target(
            "/CallingPackages/" + ids.callingPackage(),
            List.of(replace("rank", "9")),
            Arbitraries.oneOf(
                replacing("rank", OddValues.notAnInteger()),
                replacing(
                    "name", Arbitraries.of("\"\"", "\"" + SeededServer.OTHER_PACKAGE + "\""))));
    Target numbers =
        new Target(
            "/PhoneNumbers/" + ids.number(),
            List.of(replace("site", "\"" + SeededServer.BRANCH_SITE + "\"")),
            Arbitraries.oneOf(
                replacing(
                    "number",
                    Arbitraries.of("\"abc\"", "\"\"", "\"" + SeededServer.OTHER_NUMBER + "\"")),
                replacing("site", Arbitraries.of("\"Nowhere\"", "[]"))));
    return List.of(users, groups, templates, sites, pool, packages, numbers);
  }
}
