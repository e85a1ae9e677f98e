package dev.switchboard.conformance.support;

import static dev.switchboard.conformance.support.ScimAssertions.assertListResponse;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static dev.switchboard.conformance.support.ScimAssertions.assertSuccessful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The requests and checks the licensing and phone suites share: users, groups and their members,
 * list reads, and audit events. Their helper classes extend this one, so a test calls {@code
 * Licensing.addMembers} or {@code Phone.addMembers} and reaches the same code.
 */
public class CommonRequests {
  public static final String TEMPLATE =
      "urn:switchboard:params:scim:schemas:core:1.0:LicenseTemplate";
  public static final String SEAT_POOL = "urn:switchboard:params:scim:schemas:core:1.0:SeatPool";
  public static final String AUDIT_EVENT =
      "urn:switchboard:params:scim:schemas:core:1.0:AuditEvent";

  /** The actor audit events name for the tokens FreshServer registers. */
  public static final String ADMIN_ACTOR = "env:SWITCHBOARD_ADMIN_TOKEN";

  public static final String IDP_ACTOR = "env:SWITCHBOARD_IDP_TOKEN";

  protected CommonRequests() {}

  public static JsonNode getUser(FreshServer.Client client, String id) {
    return assertScimJson(client.get("/Users/" + id), 200);
  }

  /** Okta's deactivate: a no-path replace carrying {@code {"active": false}}. */
  public static void deactivateOkta(FreshServer.Client idp, String userId) {
    assertSuccessful(
        idp.patch(
            "/Users/" + userId,
            Fixtures.patch(
                """
                {"op": "replace", "value": {"active": false}}
                """)));
  }

  public static void deleteUser(FreshServer.Client idp, String userId) {
    assertEquals(204, idp.delete("/Users/" + userId).status(), "DELETE /Users/" + userId);
  }

  /** POSTs a group with these members; returns its id. */
  public static String newGroup(FreshServer.Client idp, String displayName, String... memberIds) {
    String json =
        """
        {"schemas": ["%s"], "displayName": %s, "members": [%s]}
        """
            .formatted(Urns.GROUP, Json.quote(displayName), memberValues(memberIds));
    return assertScimJson(idp.post("/Groups", json), 201).path("id").asText();
  }

  /** Entra's member add: {@code Add members [{value}…]}. */
  public static void addMembers(FreshServer.Client idp, String groupId, String... userIds) {
    assertSuccessful(
        idp.patch(
            "/Groups/" + groupId,
            Fixtures.patch(
                """
                {"op": "Add", "path": "members", "value": [%s]}
                """
                    .formatted(memberValues(userIds)))));
  }

  /** Entra's member removal: {@code Remove members [{value}…]}. */
  public static void removeMembers(FreshServer.Client idp, String groupId, String... userIds) {
    assertSuccessful(
        idp.patch(
            "/Groups/" + groupId,
            Fixtures.patch(
                """
                {"op": "Remove", "path": "members", "value": [%s]}
                """
                    .formatted(memberValues(userIds)))));
  }

  private static String memberValues(String... userIds) {
    return Arrays.stream(userIds)
        .map(id -> "{\"value\": " + Json.quote(id) + "}")
        .collect(Collectors.joining(", "));
  }

  /** {@code {"value": id}} */
  public static String groupById(String groupId) {
    return "{\"value\": " + Json.quote(groupId) + "}";
  }

  /** {@code {"display": name}} */
  public static String groupByName(String displayName) {
    return "{\"display\": " + Json.quote(displayName) + "}";
  }

  public static int intOf(JsonNode resource, String field) {
    JsonNode value = resource.path(field);
    assertTrue(value.isIntegralNumber(), () -> field + " must be a JSON integer in " + resource);
    return value.intValue();
  }

  /** The resources of a list GET (filter may be null), up to 1000. */
  public static List<JsonNode> list(FreshServer.Client client, String endpoint, String filter) {
    String query =
        filter == null ? Query.of("count", "1000") : Query.of("filter", filter, "count", "1000");
    JsonNode list = assertListResponse(client.get(endpoint + query));
    List<JsonNode> resources = new ArrayList<>();
    list.path("Resources").forEach(resources::add);
    return resources;
  }

  /** The users matching {@code filter} (up to 1000). */
  public static List<JsonNode> listUsers(FreshServer.Client client, String filter) {
    return list(client, "/Users", filter);
  }

  /** The ids of the users matching {@code filter} (up to 1000). */
  public static Set<String> userIdsMatching(FreshServer.Client client, String filter) {
    Set<String> ids = new TreeSet<>();
    listUsers(client, filter).forEach(user -> ids.add(user.path("id").asText()));
    return ids;
  }

  /** The audit events matching {@code filter} (up to 1000). */
  public static List<JsonNode> auditEvents(FreshServer.Client admin, String filter) {
    return list(admin, "/AuditEvents", filter);
  }

  /**
   * The first of the user's events of {@code product} going from {@code before} to {@code after};
   * fails, listing the user's events, when there is none.
   */
  public static JsonNode assertEvent(
      FreshServer.Client admin, String userId, String product, String before, String after) {
    return assertEvent(
        admin,
        userId,
        product + " " + before + " → " + after,
        event ->
            product.equals(event.path("product").asText(null))
                && before.equals(event.path("before").asText(null))
                && after.equals(event.path("after").asText(null)));
  }

  /** The first of the user's events that {@code matches}; fails, listing them, when none does. */
  public static JsonNode assertEvent(
      FreshServer.Client admin, String userId, String what, Predicate<JsonNode> matches) {
    List<JsonNode> events = auditOf(admin, userId);
    for (JsonNode event : events) {
      if (matches.test(event)) {
        return event;
      }
    }
    return fail(
        "No audit event " + what + " for user " + userId + "; the user's events: " + events);
  }

  /** Asserts the event's reason contains each of {@code parts}, ignoring case. */
  public static void assertReasonContains(JsonNode event, String... parts) {
    String reason = event.path("reason").asText("").toLowerCase(Locale.ROOT);
    for (String part : parts) {
      assertTrue(
          reason.contains(part.toLowerCase(Locale.ROOT)),
          () -> "reason should contain '" + part + "': " + event);
    }
  }

  /** The audit events of one user. */
  public static List<JsonNode> auditOf(FreshServer.Client admin, String userId) {
    return auditEvents(admin, "user.value eq " + Json.quote(userId));
  }
}
