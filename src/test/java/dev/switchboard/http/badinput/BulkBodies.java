package dev.switchboard.http.badinput;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * {@code /Bulk} requests (RFC 7644 §3.7) in which no operation can succeed: bad methods and paths,
 * POSTs without a bulkId or with a bad body, references to bulkIds nothing creates or that wait on
 * each other in a cycle, stale versions, and requests that are no BulkRequest or carry more than
 * 1,000 operations. Stateless.
 */
final class BulkBodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BulkBodies() {}

  static Arbitrary<Probe> requests(SeededServer.Ids ids) {
    Arbitrary<String> bodies =
        Arbitraries.frequencyOf(
            Tuple.of(6, operations(ids).list().ofMinSize(1).ofMaxSize(8).map(BulkBodies::bulk)),
            Tuple.of(2, cycles(ids)),
            Tuple.of(1, notABulk()),
            Tuple.of(1, Arbitraries.integers().between(1_001, 1_500).map(BulkBodies::tooMany)));
    return bodies.map(body -> Probe.of("POST", "/Bulk", body));
  }

  private static Arbitrary<String> operations(SeededServer.Ids ids) {
    Arbitrary<String> badPost =
        Combinators.combine(
                ResourceBodies.bodies(ids).filter(body -> isJson(body.getValue())),
                OddValues.oddText())
            .as(
                (body, bulkId) ->
                    operation(
                        "POST", body.getKey(), JsonText.string("b" + bulkId), body.getValue()));
    Arbitrary<String> postWithoutBulkId =
        Arbitraries.of(
            operation("POST", "/Users", null, "{\"userName\":\"zz-bulk-user\"}"),
            operation("POST", "/Groups", "\"\"", "{\"displayName\":\"zz-bulk-group\"}"));
    Arbitrary<String> badMethod =
        Arbitraries.oneOf(
                Arbitraries.of("\"GET\"", "\"\"", "\"MERGE\"", "5", "null", "[]"),
                OddValues.oddText()
                    .filter(text -> !text.trim().matches("(?i)post|put|patch|delete"))
                    .map(JsonText::string))
            .map(method -> "{\"method\":" + method + ",\"path\":\"/Users/" + ids.bob() + "\"}");
    Arbitrary<String> badPath =
        Arbitraries.oneOf(
                Arbitraries.of(
                    "", "/", "/Nope", "/Users/", "/Bulk", "/Users/zz-missing", "//", "/Me"),
                OddValues.oddText().map(text -> "/Users/zz" + text))
            .map(path -> operation("DELETE", path, null, null));
    Arbitrary<String> unresolved =
        Arbitraries.of(
            operation(
                "POST",
                "/Groups",
                "\"g\"",
                "{\"displayName\":\"zz-bulk\",\"members\":[{\"value\":\"bulkId:nowhere\"}]}"),
            operation("DELETE", "/Users/bulkId:nowhere", null, null),
            operation("PATCH", "/Groups/bulkId:nowhere", null, patchRename()));
    Arbitrary<String> staleVersion =
        Arbitraries.of("W/\"999\"", "\"x\"", "garbage")
            .map(
                version ->
                    "{\"method\":\"PATCH\",\"path\":\"/Groups/"
                        + ids.sales()
                        + "\",\"version\":"
                        + JsonText.string(version)
                        + ",\"data\":"
                        + patchRename()
                        + "}");
    Arbitrary<String> badData =
        Combinators.combine(Arbitraries.of("PUT", "PATCH"), OddValues.notAnObject())
            .as((method, data) -> operation(method, "/Users/" + ids.alice(), null, data));
    return Arbitraries.oneOf(
        badPost, postWithoutBulkId, badMethod, badPath, unresolved, staleVersion, badData);
  }

  /** Operations that each wait for another's bulkId: none can run. */
  private static Arbitrary<String> cycles(SeededServer.Ids ids) {
    return Arbitraries.integers()
        .between(2, 6)
        .map(
            size -> {
              List<String> operations = new ArrayList<>();
              for (int i = 0; i < size; i++) {
                String next = "c" + ((i + 1) % size);
                operations.add(
                    operation(
                        "POST",
                        "/Groups",
                        "\"c" + i + "\"",
                        "{\"displayName\":\"zz-cycle-"
                            + i
                            + "\",\"members\":[{\"value\":\"bulkId:"
                            + next
                            + "\"}]}"));
              }
              return bulk(operations);
            });
  }

  private static Arbitrary<String> notABulk() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            "[]",
            "{}",
            "{\"Operations\":null}",
            "{\"Operations\":{}}",
            "{\"Operations\":\"x\"}",
            "{\"Operations\":[1]}",
            "{\"Operations\":[[]]}",
            "{\"Operations\":[null]}"),
        OddValues.anyJson().map(value -> "{\"failOnErrors\":" + value + ",\"Operations\":[1]}"),
        OddValues.oddText());
  }

  private static String tooMany(int count) {
    List<String> operations = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      operations.add(
          operation("POST", "/Users", "\"u" + i + "\"", "{\"userName\":\"zz-many-" + i + "\"}"));
    }
    return bulk(operations);
  }

  /** Broken JSON would break the whole request, and no operation would be tried. */
  private static boolean isJson(String text) {
    try {
      return JSON.readTree(text) != null;
    } catch (IOException e) {
      return false;
    }
  }

  private static String patchRename() {
    return "{\"schemas\":[\""
        + Urns.PATCH_OP
        + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"zz\"}]}";
  }

  private static String operation(String method, String path, String bulkId, String data) {
    List<Map.Entry<String, String>> members = new ArrayList<>();
    members.add(Map.entry("method", JsonText.string(method)));
    members.add(Map.entry("path", JsonText.string(path)));
    if (bulkId != null) {
      members.add(Map.entry("bulkId", bulkId));
    }
    if (data != null) {
      members.add(Map.entry("data", data));
    }
    return JsonText.object(members);
  }

  private static String bulk(List<String> operations) {
    return "{\"schemas\":[\""
        + Urns.BULK_REQUEST
        + "\"],\"Operations\":"
        + JsonText.array(operations)
        + "}";
  }
}
