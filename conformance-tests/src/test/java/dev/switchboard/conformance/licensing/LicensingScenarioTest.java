package dev.switchboard.conformance.licensing;

import static dev.switchboard.conformance.licensing.Licensing.ADMIN_ACTOR;
import static dev.switchboard.conformance.licensing.Licensing.CC;
import static dev.switchboard.conformance.licensing.Licensing.IDP_ACTOR;
import static dev.switchboard.conformance.licensing.Licensing.PREMIUM;
import static dev.switchboard.conformance.licensing.Licensing.STANDARD;
import static dev.switchboard.conformance.licensing.Licensing.agentId;
import static dev.switchboard.conformance.licensing.Licensing.assertEvent;
import static dev.switchboard.conformance.licensing.Licensing.assertPool;
import static dev.switchboard.conformance.licensing.Licensing.assertReasonContains;
import static dev.switchboard.conformance.licensing.Licensing.auditEvents;
import static dev.switchboard.conformance.licensing.Licensing.templateIdsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.FreshServer;
import dev.switchboard.conformance.support.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 4 "tried as a new user would": an admin maps "Sales Agents" → standard and "Sales Leads" →
 * premium before the IdP has pushed anything and sets premium capacity 2; the IdP pushes three
 * leads and five agents; then members leave and come back, users are deactivated and reactivated in
 * several orders, one is deleted, the capacity moves. After every step everything an admin reads is
 * checked: every user's effective license and state, both seat pools, and the audit trail.
 *
 * <p>The steps share one fresh server and run in order; a step is skipped when an earlier one
 * failed, so the first failure is the one to read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LicensingScenarioTest {

  private static final String AGENTS = "Sales Agents";
  private static final String LEADS = "Sales Leads";
  private static final String AGENTS_TEMPLATE = "Sales Agents standard";
  private static final String LEADS_TEMPLATE = "Sales Leads premium";
  private static final String DOMAIN = "@contoso.example";

  private FreshServer server;
  private FreshServer.Client admin;
  private FreshServer.Client idp;

  private String agentsTemplate;
  private String leadsTemplate;
  private String agentsGroup;
  private String leadsGroup;

  /** user key (lead1…lead3, agent1…agent5) → id, in push order. */
  private final Map<String, String> ids = new LinkedHashMap<>();

  /** user key → {effectiveLicense, licenseState} the admin should read now. */
  private final Map<String, String[]> expected = new LinkedHashMap<>();

  /** user key → the agentId it got in step 2; user-specific, so it never changes. */
  private final Map<String, Integer> agentIds = new LinkedHashMap<>();

  private final Set<String> deleted = new HashSet<>();
  private int stepsDone;

  @BeforeAll
  void startServer() {
    server = FreshServer.start(LicensingScenarioTest.class.getSimpleName());
    admin = server.admin();
    idp = server.idp();
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void adminMapsBothGroupsAndLimitsPremiumBeforeTheIdpPushesAnything() {
    step(1);
    agentsTemplate =
        Licensing.newTemplate(admin, AGENTS_TEMPLATE, Licensing.groupByName(AGENTS), "standard");
    leadsTemplate =
        Licensing.newTemplate(admin, LEADS_TEMPLATE, Licensing.groupByName(LEADS), "premium");
    Licensing.setCapacity(admin, PREMIUM, 2);

    assertPool(admin, STANDARD, null, 0, 0);
    assertPool(admin, PREMIUM, 2, 0, 0);
    assertEquals(0, auditEvents(admin, "product eq \"contactCenter\"").size());
    stepsDone = 1;
  }

  @Test
  @Order(2)
  void idpPushesThreeLeadsAndFiveAgentsTheLastLeadWaits() {
    step(2);
    for (String key :
        List.of("lead1", "lead2", "lead3", "agent1", "agent2", "agent3", "agent4", "agent5")) {
      ids.put(key, Licensing.newUser(idp, key + DOMAIN));
      expect(key, "none", "none");
    }
    assertEveryone();

    // Entra's shape: the group first, then its members in PATCHes.
    agentsGroup = Licensing.newGroup(idp, AGENTS);
    leadsGroup = Licensing.newGroup(idp, LEADS);
    Licensing.addMembers(idp, agentsGroup, idsOf("agent1", "agent2", "agent3", "agent4", "agent5"));
    Licensing.addMembers(idp, leadsGroup, idsOf("lead1", "lead2"));
    Licensing.addMembers(idp, leadsGroup, idsOf("lead3"));

    for (String agent : List.of("agent1", "agent2", "agent3", "agent4", "agent5")) {
      expect(agent, "standard", "assigned");
    }
    expect("lead1", "premium", "assigned");
    expect("lead2", "premium", "assigned");
    expect("lead3", "premium", "pending");
    assertEveryone();
    assertPool(admin, STANDARD, null, 5, 0);
    assertPool(admin, PREMIUM, 2, 2, 1);

    // Every one of the eight now has a distinct agent id, 1000…1007.
    for (String key : ids.keySet()) {
      agentIds.put(key, agentId(Licensing.cc(admin, ids.get(key))));
    }
    assertEquals(
        IntStream.rangeClosed(1000, 1007).boxed().collect(Collectors.toCollection(TreeSet::new)),
        new TreeSet<>(agentIds.values()),
        agentIds::toString);
    assertEquals(new TreeSet<>(agentIds.values()), Licensing.usedAgentIds(admin));

    // Why: the group and its tier.
    JsonNode agentCc = Licensing.cc(admin, ids.get("agent1"));
    JsonNode source = Json.elementWhere(agentCc.path("licenseSources"), "value", agentsGroup);
    assertEquals("group", source.path("type").asText(null), agentCc::toString);
    assertEquals(AGENTS, source.path("display").asText(null), agentCc::toString);
    assertEquals("standard", source.path("tier").asText(null), agentCc::toString);
    assertEquals(Set.of(agentsTemplate), templateIdsOf(Licensing.getGroup(admin, agentsGroup)));
    assertEquals(Set.of(leadsTemplate), templateIdsOf(Licensing.getGroup(admin, leadsGroup)));

    // What an admin lists.
    assertEquals(
        Set.copyOf(idsList("lead1", "lead2", "lead3")),
        Licensing.userIdsMatching(admin, CC + ":effectiveLicense eq \"premium\""));
    assertEquals(
        Set.of(ids.get("lead3")),
        Licensing.userIdsMatching(admin, CC + ":licenseState eq \"pending\""));

    // The audit trail: one contact-center event per user, by the IdP, naming the group.
    List<JsonNode> events = auditEvents(admin, "product eq \"contactCenter\"");
    assertEquals(8, events.size(), events::toString);
    for (String agent : List.of("agent1", "agent2", "agent3", "agent4", "agent5")) {
      JsonNode event =
          assertEvent(admin, ids.get(agent), "contactCenter", "none", "standard (assigned)");
      assertReasonContains(event, AGENTS, "added");
      assertEquals(IDP_ACTOR, event.path("actor").asText(null), event::toString);
      assertEquals(agent + DOMAIN, event.path("user").path("display").asText(null));
    }
    assertReasonContains(
        assertEvent(admin, ids.get("lead1"), "contactCenter", "none", "premium (assigned)"), LEADS);
    assertReasonContains(
        assertEvent(admin, ids.get("lead3"), "contactCenter", "none", "premium (pending)"), LEADS);
    assertEquals(8, auditEvents(admin, "product eq \"agentId\"").size());
    stepsDone = 2;
  }

  @Test
  @Order(3)
  void aLeadLeavesTheWaitingLeadGetsTheSeatAndTheLeaverBecomesAnAgent() {
    step(3);
    Licensing.removeMembers(idp, leadsGroup, ids.get("lead1"));

    expect("lead1", "none", "none");
    expect("lead3", "premium", "assigned");
    assertEveryone();
    assertPool(admin, PREMIUM, 2, 2, 0);
    assertReasonContains(
        assertEvent(admin, ids.get("lead1"), "contactCenter", "premium (assigned)", "none"),
        LEADS,
        "removed");
    JsonNode served =
        assertEvent(
            admin, ids.get("lead3"), "contactCenter", "premium (pending)", "premium (assigned)");
    assertReasonContains(served, "freed", "lead1" + DOMAIN);

    Licensing.addMembers(idp, agentsGroup, ids.get("lead1"));
    Licensing.removeMembers(idp, agentsGroup, ids.get("agent5"));

    expect("lead1", "standard", "assigned");
    expect("agent5", "none", "none");
    assertEveryone();
    assertPool(admin, STANDARD, null, 5, 0);
    assertPool(admin, PREMIUM, 2, 2, 0);
    stepsDone = 3;
  }

  @Test
  @Order(4)
  void deactivatedLeadLosesItsSeatToAnUpgradeAndWaitsAfterReactivation() {
    step(4);
    Licensing.deactivateEntra(idp, ids.get("lead2"));

    expect("lead2", "premium", "suspended");
    assertEveryone();
    assertPool(admin, PREMIUM, 2, 1, 0);
    assertTrue(
        Fixtures.memberIds(Licensing.getGroup(admin, leadsGroup)).contains(ids.get("lead2")),
        "a deactivated user stays a member");
    assertEquals(
        "deactivated",
        assertEvent(
                admin,
                ids.get("lead2"),
                "contactCenter",
                "premium (assigned)",
                "premium (suspended)")
            .path("reason")
            .asText(null));

    // lead1 (an agent now) comes back to the leads: upgrade with a free seat; its standard seat
    // goes.
    Licensing.addMembers(idp, leadsGroup, ids.get("lead1"));

    expect("lead1", "premium", "assigned");
    assertEveryone();
    assertPool(admin, STANDARD, null, 4, 0);
    assertPool(admin, PREMIUM, 2, 2, 0);

    Licensing.reactivate(idp, ids.get("lead2"));

    expect("lead2", "premium", "pending");
    assertEveryone();
    assertPool(admin, PREMIUM, 2, 2, 1);
    assertReasonContains(
        assertEvent(
            admin, ids.get("lead2"), "contactCenter", "premium (suspended)", "premium (pending)"),
        "reactivated");

    Licensing.deactivateOkta(idp, ids.get("agent1"));
    expect("agent1", "standard", "suspended");
    assertEveryone();
    assertPool(admin, STANDARD, null, 3, 0);

    Licensing.reactivate(idp, ids.get("agent1"));
    expect("agent1", "standard", "assigned");
    assertEveryone();
    assertPool(admin, STANDARD, null, 4, 0);
    stepsDone = 4;
  }

  @Test
  @Order(5)
  void aWaitingLeadDeactivatedMeanwhileIsNotServedUntilItComesBack() {
    step(5);
    Licensing.deactivateOkta(idp, ids.get("lead2"));

    expect("lead2", "premium", "suspended");
    assertEveryone();
    assertPool(admin, PREMIUM, 2, 2, 0);

    Licensing.removeMembers(idp, leadsGroup, ids.get("lead3"));

    expect("lead3", "none", "none");
    assertEveryone();
    assertPool(admin, PREMIUM, 2, 1, 0);

    Licensing.reactivate(idp, ids.get("lead2"));

    expect("lead2", "premium", "assigned");
    assertEveryone();
    assertPool(admin, PREMIUM, 2, 2, 0);

    // lead1 leaves the leads again: a downgrade to its agents' standard, the premium seat freed.
    Licensing.removeMembers(idp, leadsGroup, ids.get("lead1"));

    expect("lead1", "standard", "assigned");
    assertEveryone();
    assertPool(admin, PREMIUM, 2, 1, 0);
    assertPool(admin, STANDARD, null, 5, 0);
    stepsDone = 5;
  }

  @Test
  @Order(6)
  void deletingAnAgentAndMovingTheCapacityKeepTheNumbersRight() {
    step(6);
    Licensing.deleteUser(idp, ids.get("agent2"));
    deleted.add("agent2");

    assertEveryone();
    assertPool(admin, STANDARD, null, 4, 0);
    assertEvent(admin, ids.get("agent2"), "contactCenter", "standard (assigned)", "none");

    Licensing.setCapacity(admin, PREMIUM, 1);
    Licensing.addMembers(idp, leadsGroup, ids.get("lead3"));

    expect("lead3", "premium", "pending");
    assertEveryone();
    assertPool(admin, PREMIUM, 1, 1, 1);

    Licensing.removeCapacity(admin, PREMIUM);

    expect("lead3", "premium", "assigned");
    assertEveryone();
    assertPool(admin, PREMIUM, null, 2, 0);
    // lead3 was served once by a freed seat (step 3), now by the capacity change.
    JsonNode byCapacity =
        assertEvent(
            admin,
            ids.get("lead3"),
            "premium (pending) → premium (assigned) because of the capacity",
            e ->
                "premium (pending)".equals(e.path("before").asText(null))
                    && "premium (assigned)".equals(e.path("after").asText(null))
                    && e.path("reason").asText("").toLowerCase(Locale.ROOT).contains("capacity"));
    assertEquals(ADMIN_ACTOR, byCapacity.path("actor").asText(null), byCapacity::toString);
    stepsDone = 6;
  }

  @Test
  @Order(7)
  void inTheEndEveryUserKeptItsAgentIdAndThePoolsMatchTheUsers() {
    step(7);
    assertEveryone();
    for (String key : ids.keySet()) {
      if (!deleted.contains(key)) {
        assertEquals(
            agentIds.get(key).intValue(),
            agentId(Licensing.cc(admin, ids.get(key))),
            key + " keeps its agentId through every move");
      }
    }

    int standardAssigned = 0;
    int premiumAssigned = 0;
    for (Map.Entry<String, String[]> entry : expected.entrySet()) {
      String[] state = entry.getValue();
      if (!deleted.contains(entry.getKey()) && "assigned".equals(state[1])) {
        if ("standard".equals(state[0])) {
          standardAssigned++;
        } else {
          premiumAssigned++;
        }
      }
    }
    assertPool(admin, STANDARD, null, standardAssigned, 0);
    assertPool(admin, PREMIUM, null, premiumAssigned, 0);

    // The whole trail belongs to the scenario's users and was written by the two tokens.
    for (JsonNode event : auditEvents(admin, "time gt \"2020-01-01T00:00:00Z\"")) {
      assertTrue(ids.containsValue(event.path("user").path("value").asText()), event::toString);
      assertTrue(
          Set.of(IDP_ACTOR, ADMIN_ACTOR).contains(event.path("actor").asText()), event::toString);
    }
    stepsDone = 7;
  }

  private void step(int n) {
    assumeTrue(stepsDone == n - 1, "an earlier step of the scenario failed");
  }

  private void expect(String key, String effective, String state) {
    expected.put(key, new String[] {effective, state});
  }

  /** Every (not deleted) user of the scenario shows what {@link #expected} says. */
  private void assertEveryone() {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String[]> entry : expected.entrySet()) {
      String key = entry.getKey();
      if (deleted.contains(key)) {
        continue;
      }
      JsonNode cc = Licensing.cc(admin, ids.get(key));
      String effective = cc.path("effectiveLicense").asText(null);
      String state = cc.path("licenseState").asText(null);
      if (!entry.getValue()[0].equals(effective) || !entry.getValue()[1].equals(state)) {
        wrong.add(
            key
                + ": expected "
                + entry.getValue()[0]
                + " ("
                + entry.getValue()[1]
                + "), was "
                + effective
                + " ("
                + state
                + ")");
      }
    }
    assertTrue(wrong.isEmpty(), () -> String.join("; ", wrong));
  }

  private String[] idsOf(String... keys) {
    return idsList(keys).toArray(String[]::new);
  }

  private List<String> idsList(String... keys) {
    List<String> list = new ArrayList<>();
    for (String key : keys) {
      list.add(ids.get(key));
    }
    return list;
  }
}
