package dev.switchboard.conformance.licensing;

import static dev.switchboard.conformance.licensing.Licensing.ADMIN_ACTOR;
import static dev.switchboard.conformance.licensing.Licensing.AUDIT_EVENT;
import static dev.switchboard.conformance.licensing.Licensing.CC;
import static dev.switchboard.conformance.licensing.Licensing.IDP_ACTOR;
import static dev.switchboard.conformance.licensing.Licensing.PREMIUM;
import static dev.switchboard.conformance.licensing.Licensing.agentId;
import static dev.switchboard.conformance.licensing.Licensing.assertEvent;
import static dev.switchboard.conformance.licensing.Licensing.assertReasonContains;
import static dev.switchboard.conformance.licensing.Licensing.auditEvents;
import static dev.switchboard.conformance.licensing.Licensing.auditOf;
import static dev.switchboard.conformance.licensing.Licensing.inUse;
import static dev.switchboard.conformance.support.ScimAssertions.assertDateTime;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static dev.switchboard.conformance.support.ScimAssertions.assertStatus;
import static dev.switchboard.conformance.support.ScimAssertions.assertSuccessful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.FreshServer;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.Unique;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every change of a user's effective contact-center license, seat, state or agentId is an
 * AuditEvent: who (user), what (product, before, after), why (reason), by whom (the token's name)
 * and when; admin-only, filterable, never edited.
 */
class AuditTest {

  private static FreshServer server;
  private static FreshServer.Client admin;
  private static FreshServer.Client idp;

  @BeforeAll
  static void startServer() {
    server = FreshServer.start(AuditTest.class.getSimpleName());
    admin = server.admin();
    idp = server.idp();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @AfterEach
  void unlimitedPools() {
    Licensing.unlimitedContactCenterPools(admin);
  }

  @Test
  void joiningAndLeavingATemplatedGroupAreAuditedWithTheGroupNameAndTheIdpAsActor() {
    String groupName = Unique.groupName("Audit Agents");
    String group = Licensing.newGroup(idp, groupName);
    Licensing.newTemplate(admin, "Audit " + Unique.tag(), Licensing.groupById(group), "standard");
    String userName = Unique.userName("audited");
    String user = Licensing.newUser(idp, userName);

    Licensing.addMembers(idp, group, user);

    JsonNode added = assertEvent(admin, user, "contactCenter", "none", "standard (assigned)");
    assertTrue(Json.texts(added.path("schemas")).contains(AUDIT_EVENT), added::toString);
    assertFalse(added.path("id").asText("").isBlank(), added::toString);
    assertEquals(user, added.path("user").path("value").asText(null), added::toString);
    assertEquals(userName, added.path("user").path("display").asText(null), added::toString);
    assertEquals(IDP_ACTOR, added.path("actor").asText(null), added::toString);
    assertDateTime(added.path("time"), "time");
    assertReasonContains(added, groupName, "added");

    JsonNode byId = assertScimJson(admin.get("/AuditEvents/" + added.path("id").asText()), 200);
    assertEquals(added.path("id"), byId.path("id"));
    assertEquals(added.path("reason"), byId.path("reason"));
    assertEquals(added.path("after"), byId.path("after"));
    assertEquals(added.path("user"), byId.path("user"));

    Licensing.removeMembers(idp, group, user);

    JsonNode removed = assertEvent(admin, user, "contactCenter", "standard (assigned)", "none");
    assertReasonContains(removed, groupName, "removed");
    assertEquals(IDP_ACTOR, removed.path("actor").asText(null), removed::toString);
  }

  @Test
  void anAutomaticAgentIdIsAudited() {
    String user =
        Licensing.newUser(idp, Unique.userName("numbered"), "{\"license\": \"standard\"}");
    int agentId = agentId(Licensing.cc(admin, user));

    JsonNode event =
        assertEvent(
            admin,
            user,
            "agentId " + agentId,
            e ->
                "agentId".equals(e.path("product").asText(null))
                    && e.path("after").asText("").contains(String.valueOf(agentId)));
    assertEquals(IDP_ACTOR, event.path("actor").asText(null), event::toString);
  }

  @Test
  void directAndRoleChangesNameTheirSource() {
    String direct = Licensing.newUser(idp, Unique.userName("direct"));
    Licensing.setCc(idp, direct, "license", "\"premium\"");
    assertReasonContains(
        assertEvent(admin, direct, "contactCenter", "none", "premium (assigned)"), "direct");

    String boss = Licensing.newUser(idp, Unique.userName("boss"));
    Licensing.setCc(idp, boss, "role", "\"supervisor\"");
    assertReasonContains(
        assertEvent(admin, boss, "contactCenter", "none", "premium (assigned)"),
        "role",
        "supervisor");
  }

  @Test
  void deactivationAndReactivationAreAudited() {
    String user = Licensing.newUser(idp, Unique.userName("toggled"), "{\"license\": \"standard\"}");

    Licensing.deactivateEntra(idp, user);

    JsonNode off =
        assertEvent(admin, user, "contactCenter", "standard (assigned)", "standard (suspended)");
    assertEquals("deactivated", off.path("reason").asText(null), off::toString);
    assertEquals(IDP_ACTOR, off.path("actor").asText(null), off::toString);

    Licensing.reactivate(idp, user);

    assertReasonContains(
        assertEvent(admin, user, "contactCenter", "standard (suspended)", "standard (assigned)"),
        "reactivated");
  }

  @Test
  void waitingForASeatAndGettingAFreedOneAreAudited() {
    int used = inUse(admin, PREMIUM);
    Licensing.setCapacity(admin, PREMIUM, used + 1);
    String holderName = Unique.userName("holder");
    String holder = Licensing.newUser(idp, holderName, "{\"license\": \"premium\"}");
    String waiter = Licensing.newUser(idp, Unique.userName("waiter"), "{\"license\": \"premium\"}");

    assertEvent(admin, waiter, "contactCenter", "none", "premium (pending)");

    Licensing.setCc(idp, holder, "license", "\"none\"");

    assertEvent(admin, holder, "contactCenter", "premium (assigned)", "none");
    JsonNode served =
        assertEvent(admin, waiter, "contactCenter", "premium (pending)", "premium (assigned)");
    assertReasonContains(served, "freed", holderName);
    assertEquals(IDP_ACTOR, served.path("actor").asText(null), served::toString);
  }

  @Test
  void aCapacityChangeThatServesAPendingUserIsAuditedWithTheAdminAsActor() {
    int used = inUse(admin, PREMIUM);
    Licensing.setCapacity(admin, PREMIUM, used);
    String waiter = Licensing.newUser(idp, Unique.userName("waiter"), "{\"role\": \"admin\"}");
    assertEvent(admin, waiter, "contactCenter", "none", "premium (pending)");

    Licensing.setCapacity(admin, PREMIUM, used + 1);

    JsonNode served =
        assertEvent(admin, waiter, "contactCenter", "premium (pending)", "premium (assigned)");
    assertReasonContains(served, "capacity");
    assertEquals(ADMIN_ACTOR, served.path("actor").asText(null), served::toString);
  }

  @Test
  void aTemplateChangeIsAuditedWithTheTemplateNameAndTheAdminAsActor() {
    String user = Licensing.newUser(idp, Unique.userName("templated"));
    String group = Licensing.newGroup(idp, Unique.groupName("Tiered"), user);
    String name = "Tiered " + Unique.tag();
    String template = Licensing.newTemplate(admin, name, Licensing.groupById(group), "standard");
    assertEquals(
        ADMIN_ACTOR,
        assertEvent(admin, user, "contactCenter", "none", "standard (assigned)")
            .path("actor")
            .asText(null));

    Licensing.setTemplateTier(admin, template, "premium");

    JsonNode changed =
        assertEvent(admin, user, "contactCenter", "standard (assigned)", "premium (assigned)");
    assertReasonContains(changed, "template", name);
    assertEquals(ADMIN_ACTOR, changed.path("actor").asText(null), changed::toString);
  }

  @Test
  void deletingALicensedUserIsAuditedAndItsEventsStayReadable() {
    String user = Licensing.newUser(idp, Unique.userName("deleted"), "{\"license\": \"standard\"}");

    Licensing.deleteUser(idp, user);

    assertEvent(admin, user, "contactCenter", "none", "standard (assigned)");
    assertEvent(admin, user, "contactCenter", "standard (assigned)", "none");
  }

  @Test
  void aWriteThatChangesNoLicenseWritesNoEventAndAFailedOneNeither() {
    String user = Licensing.newUser(idp, Unique.userName("quiet"), "{\"license\": \"standard\"}");
    int before = auditOf(admin, user).size();

    assertSuccessful(
        idp.patch(
            "/Users/" + user,
            Fixtures.patch(
                """
                {"op": "Replace", "path": "displayName", "value": "Quiet One"}
                """)));
    assertScimError(
        idp.patch(
            "/Users/" + user,
            Fixtures.patch(
                """
                {"op": "Replace", "path": "%s:license", "value": "gold"}
                """
                    .formatted(CC))),
        400,
        "invalidValue");

    assertEquals(before, auditOf(admin, user).size(), () -> "events: " + auditOf(admin, user));
  }

  @Test
  void eventsAreFilterableByUserProductAndTime() {
    String user =
        Licensing.newUser(idp, Unique.userName("filtered"), "{\"license\": \"standard\"}");
    String other = Licensing.newUser(idp, Unique.userName("other"), "{\"license\": \"premium\"}");

    List<JsonNode> mine = auditOf(admin, user);
    assertFalse(mine.isEmpty());
    mine.forEach(e -> assertEquals(user, e.path("user").path("value").asText(null), e::toString));

    List<JsonNode> contactCenter = auditEvents(admin, "product eq \"contactCenter\"");
    contactCenter.forEach(
        e -> assertEquals("contactCenter", e.path("product").asText(null), e::toString));
    List<JsonNode> mineContactCenter = eventsOf(user, "contactCenter");
    assertFalse(mineContactCenter.isEmpty());
    assertTrue(ids(contactCenter).containsAll(ids(mineContactCenter)));
    assertTrue(
        contactCenter.stream().anyMatch(e -> other.equals(e.path("user").path("value").asText())));

    List<JsonNode> agentIds = eventsOf(user, "agentId");
    assertEquals(1, agentIds.size(), agentIds::toString);

    assertEquals(
        ids(mine),
        ids(
            auditEvents(
                admin,
                "user.value eq " + Json.quote(user) + " and time gt \"2020-01-01T00:00:00Z\"")));
    assertEquals(0, auditEvents(admin, "time gt \"2999-01-01T00:00:00Z\"").size());
  }

  @Test
  void auditIsForAdminsOnly() {
    assertScimError(idp.get("/AuditEvents"), 403);
    assertScimError(server.anonymous().get("/AuditEvents"), 401);
  }

  @Test
  void eventsAreNeverEdited() {
    String user =
        Licensing.newUser(idp, Unique.userName("immutable"), "{\"license\": \"standard\"}");
    JsonNode event = assertEvent(admin, user, "contactCenter", "none", "standard (assigned)");
    String path = "/AuditEvents/" + event.path("id").asText();
    String body =
        """
        {"schemas": ["%s"], "product": "contactCenter", "before": "none", "after": "premium (assigned)", "reason": "forged"}
        """
            .formatted(AUDIT_EVENT);

    assertStatus(admin.post("/AuditEvents", body), 405);
    assertStatus(admin.put(path, body), 405);
    assertStatus(
        admin.patch(
            path,
            Fixtures.patch(
                """
                {"op": "replace", "path": "reason", "value": "forged"}
                """)),
        405);
    assertStatus(admin.delete(path), 405);

    JsonNode after = assertScimJson(admin.get(path), 200);
    assertEquals(event.path("after"), after.path("after"));
    assertEquals(event.path("reason"), after.path("reason"));
  }

  private static Set<String> ids(List<JsonNode> events) {
    Set<String> ids = new TreeSet<>();
    events.forEach(e -> ids.add(e.path("id").asText()));
    return ids;
  }

  private static List<JsonNode> eventsOf(String userId, String product) {
    List<JsonNode> events =
        auditEvents(
            admin,
            "user.value eq " + Json.quote(userId) + " and product eq " + Json.quote(product));
    events.forEach(
        e -> {
          assertEquals(userId, e.path("user").path("value").asText(null), e::toString);
          assertEquals(product, e.path("product").asText(null), e::toString);
        });
    return events;
  }
}
