package dev.switchboard.conformance.support;

import static dev.switchboard.conformance.support.ScimAssertions.assertListResponse;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates and reads the resources tests need, asserting each step so that a broken precondition
 * fails loudly where it happens. Stateless.
 */
public final class Fixtures {

  private Fixtures() {}

  /** The smallest valid User body. */
  public static String userJson(String userName) {
    return """
                {"schemas": ["%s"], "userName": %s}
                """
        .formatted(Urns.USER, Json.quote(userName));
  }

  /** POSTs a minimal user and returns the created resource. */
  public static JsonNode newUser(ScimClient client, String userName) {
    return postUser(client, userJson(userName));
  }

  /** POSTs {@code json} to /Users, asserts 201, returns the created resource. */
  public static JsonNode postUser(ScimClient client, String json) {
    return assertScimJson(client.post("/Users", json), 201);
  }

  /** POSTs a group with these member ids and returns the created resource. */
  public static JsonNode newGroup(ScimClient client, String displayName, String... memberIds) {
    String members =
        Arrays.stream(memberIds)
            .map(id -> "{\"value\": " + Json.quote(id) + "}")
            .collect(Collectors.joining(", "));
    String json =
        """
                {"schemas": ["%s"], "displayName": %s, "members": [%s]}
                """
            .formatted(Urns.GROUP, Json.quote(displayName), members);
    return assertScimJson(client.post("/Groups", json), 201);
  }

  public static JsonNode getUser(ScimClient client, String id) {
    return assertScimJson(client.get("/Users/" + id), 200);
  }

  public static JsonNode getGroup(ScimClient client, String id) {
    return assertScimJson(client.get("/Groups/" + id), 200);
  }

  /** GETs {@code resourcePath} (e.g. {@code /Users}) with a filter and returns the ListResponse. */
  public static JsonNode list(ScimClient client, String resourcePath, String filter) {
    return assertListResponse(client.get(resourcePath + Query.filter(filter)));
  }

  /** The totalResults of a filtered GET on {@code resourcePath}. */
  public static int count(ScimClient client, String resourcePath, String filter) {
    return list(client, resourcePath, filter).path("totalResults").asInt();
  }

  /** The userNames of the users matching {@code filter}. */
  public static Set<String> userNamesMatching(ScimClient client, String filter) {
    return Json.fieldTextSet(list(client, "/Users", filter).path("Resources"), "userName");
  }

  /** The member ids of a group resource (empty when it has none). */
  public static Set<String> memberIds(JsonNode group) {
    return Json.fieldTextSet(group.path("members"), "value");
  }

  /** The ids of the groups a user resource lists in {@code groups}. */
  public static Set<String> groupIds(JsonNode user) {
    return Json.fieldTextSet(user.path("groups"), "value");
  }

  /** A PatchOp body around these operation objects, each given as JSON text. */
  public static String patch(String... operations) {
    return """
                {"schemas": ["%s"], "Operations": [%s]}
                """
        .formatted(Urns.PATCH_OP, String.join(", ", operations));
  }

  /** The ids of resources, for building member lists. */
  public static String[] ids(JsonNode... resources) {
    return Arrays.stream(resources)
        .map(resource -> resource.path("id").asText())
        .toArray(String[]::new);
  }
}
