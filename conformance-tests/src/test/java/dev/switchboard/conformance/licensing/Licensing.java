package dev.switchboard.conformance.licensing;

import static dev.switchboard.conformance.support.ScimAssertions.assertListResponse;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static dev.switchboard.conformance.support.ScimAssertions.assertSuccessful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.FreshServer;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.Query;
import dev.switchboard.conformance.support.Urns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The licensing contract's names and the requests the licensing tests repeat, in the shapes IdPs
 * (Entra, Okta) and admin scripts send them. Each write asserts its success so a broken
 * precondition fails where it happens. Stateless.
 */
final class Licensing {

  /** The contact-center User extension (CC). */
  static final String CC = Urns.CONTACT_CENTER_USER;

  static final String LICENSING_GROUP = Urns.LICENSING_GROUP;
  static final String TEMPLATE = "urn:switchboard:params:scim:schemas:core:1.0:LicenseTemplate";
  static final String SEAT_POOL = "urn:switchboard:params:scim:schemas:core:1.0:SeatPool";
  static final String AUDIT_EVENT = "urn:switchboard:params:scim:schemas:core:1.0:AuditEvent";

  static final String STANDARD = "contactCenter.standard";
  static final String PREMIUM = "contactCenter.premium";
  static final String PHONE = "phone.licensed";

  static final String ADMIN_ACTOR = "env:SWITCHBOARD_ADMIN_TOKEN";
  static final String IDP_ACTOR = "env:SWITCHBOARD_IDP_TOKEN";

  private Licensing() {}

  // ---- users ----

  /** POSTs a user with no contact-center attributes; returns its id. */
  static String newUser(FreshServer.Client idp, String userName) {
    return newUser(idp, userName, null);
  }

  /**
   * POSTs a user whose CC extension object is {@code ccJson} (e.g. {@code {"license":
   * "standard"}}); returns its id.
   */
  static String newUser(FreshServer.Client idp, String userName, String ccJson) {
    String extension = ccJson == null ? "" : ", " + Json.quote(CC) + ": " + ccJson;
    String json =
        """
        {"schemas": ["%s", "%s"], "userName": %s, "active": true%s}
        """
            .formatted(Urns.USER, CC, Json.quote(userName), extension);
    return assertScimJson(idp.post("/Users", json), 201).path("id").asText();
  }

  static JsonNode getUser(FreshServer.Client client, String id) {
    return assertScimJson(client.get("/Users/" + id), 200);
  }

  /** The CC extension of a user resource. */
  static JsonNode cc(JsonNode user) {
    return user.path(CC);
  }

  /** The CC extension of the user as the server shows it now. */
  static JsonNode cc(FreshServer.Client client, String userId) {
    return cc(getUser(client, userId));
  }

  /** PATCHes one CC attribute by its full-URN path, as Entra does. */
  static void setCc(FreshServer.Client idp, String userId, String attribute, String jsonValue) {
    assertSuccessful(
        idp.patch(
            "/Users/" + userId,
            Fixtures.patch(
                """
                {"op": "Replace", "path": "%s:%s", "value": %s}
                """
                    .formatted(CC, attribute, jsonValue))));
  }

  /** Entra's disable: {@code Replace active "False"}. */
  static void deactivateEntra(FreshServer.Client idp, String userId) {
    assertSuccessful(
        idp.patch(
            "/Users/" + userId,
            Fixtures.patch(
                """
                {"op": "Replace", "path": "active", "value": "False"}
                """)));
  }

  /** Okta's deactivate: a no-path replace carrying {@code {"active": false}}. */
  static void deactivateOkta(FreshServer.Client idp, String userId) {
    assertSuccessful(
        idp.patch(
            "/Users/" + userId,
            Fixtures.patch(
                """
                {"op": "replace", "value": {"active": false}}
                """)));
  }

  /** Entra's enable: {@code Replace active "True"}. */
  static void reactivate(FreshServer.Client idp, String userId) {
    assertSuccessful(
        idp.patch(
            "/Users/" + userId,
            Fixtures.patch(
                """
                {"op": "Replace", "path": "active", "value": "True"}
                """)));
  }

  static void deleteUser(FreshServer.Client idp, String userId) {
    assertEquals(204, idp.delete("/Users/" + userId).status(), "DELETE /Users/" + userId);
  }

  /** Asserts the user's effectiveLicense and licenseState. */
  static JsonNode assertLicense(
      FreshServer.Client client, String userId, String effective, String state) {
    JsonNode user = getUser(client, userId);
    JsonNode cc = cc(user);
    String who = user.path("userName").asText(userId);
    assertEquals(
        effective,
        cc.path("effectiveLicense").asText(null),
        () -> who + ": effectiveLicense; CC extension is " + cc);
    assertEquals(
        state,
        cc.path("licenseState").asText(null),
        () -> who + ": licenseState; CC extension is " + cc);
    return cc;
  }

  /** The user's licenseSources (empty when absent). */
  static List<JsonNode> sources(JsonNode cc) {
    List<JsonNode> sources = new ArrayList<>();
    cc.path("licenseSources").forEach(sources::add);
    return sources;
  }

  /**
   * The licenseSources as {@code "type:tier"} or {@code "group:<id>:tier"} strings, for equality.
   */
  static Set<String> sourceKeys(JsonNode cc) {
    Set<String> keys = new TreeSet<>();
    for (JsonNode source : sources(cc)) {
      String type = source.path("type").asText();
      String tier = source.path("tier").asText();
      keys.add(
          "group".equals(type)
              ? "group:" + source.path("value").asText() + ":" + tier
              : type + ":" + tier);
    }
    return keys;
  }

  /** The user's agentId, asserting it is a JSON integer. */
  static int agentId(JsonNode cc) {
    JsonNode agentId = cc.path("agentId");
    assertTrue(agentId.isIntegralNumber(), () -> "agentId must be a JSON integer; CC is " + cc);
    return agentId.intValue();
  }

  // ---- groups and memberships ----

  /** POSTs a group with these members; returns its id. */
  static String newGroup(FreshServer.Client idp, String displayName, String... memberIds) {
    String members =
        Arrays.stream(memberIds)
            .map(id -> "{\"value\": " + Json.quote(id) + "}")
            .collect(Collectors.joining(", "));
    String json =
        """
        {"schemas": ["%s"], "displayName": %s, "members": [%s]}
        """
            .formatted(Urns.GROUP, Json.quote(displayName), members);
    return assertScimJson(idp.post("/Groups", json), 201).path("id").asText();
  }

  static JsonNode getGroup(FreshServer.Client client, String id) {
    return assertScimJson(client.get("/Groups/" + id), 200);
  }

  /** Entra's member add: {@code Add members [{value}…]}. */
  static void addMembers(FreshServer.Client idp, String groupId, String... userIds) {
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
  static void removeMembers(FreshServer.Client idp, String groupId, String... userIds) {
    assertSuccessful(
        idp.patch(
            "/Groups/" + groupId,
            Fixtures.patch(
                """
                {"op": "Remove", "path": "members", "value": [%s]}
                """
                    .formatted(memberValues(userIds)))));
  }

  /** Entra's rename: {@code Replace displayName}. */
  static void renameGroup(FreshServer.Client idp, String groupId, String displayName) {
    assertSuccessful(
        idp.patch(
            "/Groups/" + groupId,
            Fixtures.patch(
                """
                {"op": "Replace", "path": "displayName", "value": %s}
                """
                    .formatted(Json.quote(displayName)))));
  }

  /** The ids of the templates the group's licensing extension lists (empty when absent). */
  static Set<String> templateIdsOf(JsonNode group) {
    return new TreeSet<>(Json.fieldTexts(group.path(LICENSING_GROUP).path("templates"), "value"));
  }

  private static String memberValues(String... userIds) {
    return Arrays.stream(userIds)
        .map(id -> "{\"value\": " + Json.quote(id) + "}")
        .collect(Collectors.joining(", "));
  }

  // ---- license templates ----

  /** {@code {"value": id}} */
  static String groupById(String groupId) {
    return "{\"value\": " + Json.quote(groupId) + "}";
  }

  /** {@code {"display": name}} */
  static String groupByName(String displayName) {
    return "{\"display\": " + Json.quote(displayName) + "}";
  }

  static String templateJson(String name, String groupJson, String contactCenter) {
    return """
        {"schemas": ["%s"], "name": %s, "group": %s, "contactCenter": %s}
        """
        .formatted(TEMPLATE, Json.quote(name), groupJson, Json.quote(contactCenter));
  }

  /** POSTs a template granting {@code contactCenter} to {@code groupJson}; returns its id. */
  static String newTemplate(
      FreshServer.Client admin, String name, String groupJson, String contactCenter) {
    return assertScimJson(
            admin.post("/LicenseTemplates", templateJson(name, groupJson, contactCenter)), 201)
        .path("id")
        .asText();
  }

  /** PATCHes a template's contactCenter tier. */
  static void setTemplateTier(FreshServer.Client admin, String templateId, String contactCenter) {
    assertSuccessful(
        admin.patch(
            "/LicenseTemplates/" + templateId,
            Fixtures.patch(
                """
                {"op": "replace", "path": "contactCenter", "value": %s}
                """
                    .formatted(Json.quote(contactCenter)))));
  }

  // ---- seat pools ----

  static JsonNode pool(FreshServer.Client admin, String poolId) {
    return assertScimJson(admin.get("/SeatPools/" + poolId), 200);
  }

  static int inUse(FreshServer.Client admin, String poolId) {
    return intOf(pool(admin, poolId), "inUse");
  }

  static int pendingCount(FreshServer.Client admin, String poolId) {
    return intOf(pool(admin, poolId), "pending");
  }

  /** Asserts a pool's capacity (null = absent, unlimited), inUse and pending. */
  static void assertPool(
      FreshServer.Client admin, String poolId, Integer capacity, int inUse, int pending) {
    JsonNode pool = pool(admin, poolId);
    if (capacity == null) {
      assertTrue(
          pool.path("capacity").isMissingNode() || pool.path("capacity").isNull(),
          () -> poolId + ": capacity should be absent (unlimited): " + pool);
    } else {
      assertEquals(capacity.intValue(), intOf(pool, "capacity"), () -> poolId + ": " + pool);
    }
    assertEquals(inUse, intOf(pool, "inUse"), () -> poolId + ".inUse: " + pool);
    assertEquals(pending, intOf(pool, "pending"), () -> poolId + ".pending: " + pool);
  }

  /** PUTs {@code {"capacity": n}}; asserts 200 and the new capacity. */
  static void setCapacity(FreshServer.Client admin, String poolId, int capacity) {
    JsonNode pool =
        assertScimJson(
            admin.put(
                "/SeatPools/" + poolId,
                """
                {"schemas": ["%s"], "capacity": %d}
                """
                    .formatted(SEAT_POOL, capacity)),
            200);
    assertEquals(capacity, intOf(pool, "capacity"), () -> "PUT answer: " + pool);
  }

  /** PATCH remove capacity: back to unlimited. */
  static void removeCapacity(FreshServer.Client admin, String poolId) {
    assertSuccessful(
        admin.patch(
            "/SeatPools/" + poolId,
            Fixtures.patch(
                """
                {"op": "remove", "path": "capacity"}
                """)));
  }

  /** Makes both contact-center pools unlimited again (serving everyone pending). */
  static void unlimitedContactCenterPools(FreshServer.Client admin) {
    removeCapacity(admin, STANDARD);
    removeCapacity(admin, PREMIUM);
  }

  static int intOf(JsonNode resource, String field) {
    JsonNode value = resource.path(field);
    assertTrue(value.isIntegralNumber(), () -> field + " must be a JSON integer in " + resource);
    return value.intValue();
  }

  // ---- audit ----

  /** The audit events matching {@code filter} (up to 1000). */
  static List<JsonNode> auditEvents(FreshServer.Client admin, String filter) {
    JsonNode list =
        assertListResponse(admin.get("/AuditEvents" + Query.of("filter", filter, "count", "1000")));
    List<JsonNode> events = new ArrayList<>();
    list.path("Resources").forEach(events::add);
    return events;
  }

  /** The audit events of one user. */
  static List<JsonNode> auditOf(FreshServer.Client admin, String userId) {
    return auditEvents(admin, "user.value eq " + Json.quote(userId));
  }

  /**
   * The first of the user's events of {@code product} going from {@code before} to {@code after};
   * fails, listing the user's events, when there is none.
   */
  static JsonNode assertEvent(
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
  static JsonNode assertEvent(
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
  static void assertReasonContains(JsonNode event, String... parts) {
    String reason = event.path("reason").asText("");
    for (String part : parts) {
      assertTrue(
          reason
              .toLowerCase(java.util.Locale.ROOT)
              .contains(part.toLowerCase(java.util.Locale.ROOT)),
          () -> "reason should contain '" + part + "': " + event);
    }
  }

  // ---- filters ----

  /** The users matching {@code filter} (up to 1000). */
  static List<JsonNode> listUsers(FreshServer.Client client, String filter) {
    JsonNode list =
        assertListResponse(client.get("/Users" + Query.of("filter", filter, "count", "1000")));
    List<JsonNode> users = new ArrayList<>();
    list.path("Resources").forEach(users::add);
    return users;
  }

  /** The ids of the users matching {@code filter} (up to 1000). */
  static Set<String> userIdsMatching(FreshServer.Client client, String filter) {
    Set<String> ids = new TreeSet<>();
    listUsers(client, filter).forEach(user -> ids.add(user.path("id").asText()));
    return ids;
  }

  /** Every agentId in use, read through the {@code CC:agentId pr} filter an admin would use. */
  static Set<Integer> usedAgentIds(FreshServer.Client admin) {
    Set<Integer> used = new TreeSet<>();
    listUsers(admin, CC + ":agentId pr").forEach(user -> used.add(agentId(cc(user))));
    return used;
  }

  /** The lowest number from 1000 up not in {@code used}. */
  static int lowestFree(Set<Integer> used) {
    int candidate = 1000;
    while (used.contains(candidate)) {
      candidate++;
    }
    return candidate;
  }
}
