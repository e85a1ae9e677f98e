package dev.switchboard.conformance.licensing;

import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static dev.switchboard.conformance.support.ScimAssertions.assertSuccessful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.CommonRequests;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.FreshServer;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.Urns;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The licensing contract's names and the requests the licensing tests repeat, in the shapes IdPs
 * (Entra, Okta) and admin scripts send them. Each write asserts its success so a broken
 * precondition fails where it happens. Stateless.
 */
final class Licensing extends CommonRequests {

  /** The contact-center User extension (CC). */
  static final String CC = Urns.CONTACT_CENTER_USER;

  static final String LICENSING_GROUP = Urns.LICENSING_GROUP;

  static final String STANDARD = "contactCenter.standard";
  static final String PREMIUM = "contactCenter.premium";
  static final String PHONE = "phone.licensed";

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

  static JsonNode getGroup(FreshServer.Client client, String id) {
    return assertScimJson(client.get("/Groups/" + id), 200);
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

  // ---- license templates ----

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

  // ---- audit ----

  // ---- filters ----

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
