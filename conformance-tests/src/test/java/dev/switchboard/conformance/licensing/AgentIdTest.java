package dev.switchboard.conformance.licensing;

import static dev.switchboard.conformance.licensing.Licensing.CC;
import static dev.switchboard.conformance.licensing.Licensing.agentId;
import static dev.switchboard.conformance.licensing.Licensing.assertLicense;
import static dev.switchboard.conformance.licensing.Licensing.cc;
import static dev.switchboard.conformance.licensing.Licensing.lowestFree;
import static dev.switchboard.conformance.licensing.Licensing.usedAgentIds;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.FreshServer;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * agentId: an integer, unique, given automatically (the lowest free number from 1000) when a
 * contact-center tier becomes effective and the user has none, kept when the license goes and comes
 * back, listed by {@code CC:agentId pr}.
 *
 * <p>The first test runs on the untouched server and expects exactly 1000 and 1001; the others
 * compute the lowest free number from the {@code agentId pr} listing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentIdTest {

  private static FreshServer server;
  private static FreshServer.Client admin;
  private static FreshServer.Client idp;

  @BeforeAll
  static void startServer() {
    server = FreshServer.start(AgentIdTest.class.getSimpleName());
    admin = server.admin();
    idp = server.idp();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void onAFreshServerTheFirstLicensedUsersGet1000And1001AndADeletedHoldersNumberComesBack() {
    assertEquals(Set.of(), usedAgentIds(admin), "a fresh server has no agent ids");

    String first = Licensing.newUser(idp, Unique.userName("first"), "{\"license\": \"standard\"}");
    assertEquals(1000, agentId(assertLicense(admin, first, "standard", "assigned")));
    String second = Licensing.newUser(idp, Unique.userName("second"), "{\"role\": \"supervisor\"}");
    assertEquals(1001, agentId(assertLicense(admin, second, "premium", "assigned")));

    Licensing.deleteUser(idp, first);

    String third = Licensing.newUser(idp, Unique.userName("third"), "{\"license\": \"premium\"}");
    assertEquals(1000, agentId(cc(admin, third)), "1000 is the lowest free number again");
    String fourth =
        Licensing.newUser(idp, Unique.userName("fourth"), "{\"license\": \"standard\"}");
    assertEquals(1002, agentId(cc(admin, fourth)));
  }

  @Test
  void aUserWithoutALicenseHasNoAgentId() {
    String user = Licensing.newUser(idp, Unique.userName("unlicensed"));

    JsonNode cc = cc(admin, user);
    assertTrue(cc.path("agentId").isMissingNode() || cc.path("agentId").isNull(), cc::toString);
  }

  @Test
  void licensedUsersGetTheLowestFreeNumbersInTurn() {
    int expected = lowestFree(usedAgentIds(admin));
    String a = Licensing.newUser(idp, Unique.userName("a"), "{\"license\": \"standard\"}");
    assertEquals(expected, agentId(cc(admin, a)));

    int next = lowestFree(usedAgentIds(admin));
    String b = Licensing.newUser(idp, Unique.userName("b"), "{\"license\": \"standard\"}");
    assertEquals(next, agentId(cc(admin, b)));
  }

  @Test
  void aGroupGrantedTierAssignsAnAgentIdToo() {
    String user = Licensing.newUser(idp, Unique.userName("grouped"));
    String group = Licensing.newGroup(idp, Unique.groupName("Agents"));
    Licensing.newTemplate(admin, "Agents " + Unique.tag(), Licensing.groupById(group), "standard");
    int expected = lowestFree(usedAgentIds(admin));

    Licensing.addMembers(idp, group, user);

    assertEquals(expected, agentId(assertLicense(admin, user, "standard", "assigned")));
  }

  @Test
  void aPendingUserHasAnAgentIdBecauseItsEffectiveTierIsNotNone() {
    int used = Licensing.inUse(admin, Licensing.PREMIUM);
    Licensing.setCapacity(admin, Licensing.PREMIUM, used);
    try {
      int expected = lowestFree(usedAgentIds(admin));
      String user =
          Licensing.newUser(idp, Unique.userName("waiting"), "{\"license\": \"premium\"}");
      assertEquals(expected, agentId(assertLicense(admin, user, "premium", "pending")));
    } finally {
      Licensing.removeCapacity(admin, Licensing.PREMIUM);
    }
  }

  @Test
  void anExplicitAgentIdIsUsedInsteadOfAnAutomaticOne() {
    int explicit = freeNumberAbove(50_000);
    String user =
        Licensing.newUser(
            idp,
            Unique.userName("explicit"),
            "{\"license\": \"standard\", \"agentId\": " + explicit + "}");

    assertEquals(explicit, agentId(assertLicense(admin, user, "standard", "assigned")));
  }

  @Test
  void anAgentIdHeldByAnotherUserIs409UniquenessOnPostPatchAndPut() {
    String holder =
        Licensing.newUser(idp, Unique.userName("holder"), "{\"license\": \"standard\"}");
    int taken = agentId(cc(admin, holder));

    assertScimError(
        idp.post(
            "/Users",
            userJson(
                Unique.userName("copycat"),
                "{\"license\": \"standard\", \"agentId\": " + taken + "}")),
        409,
        "uniqueness");

    String otherName = Unique.userName("other");
    String other = Licensing.newUser(idp, otherName, "{\"license\": \"standard\"}");
    int own = agentId(cc(admin, other));
    assertScimError(
        idp.patch(
            "/Users/" + other,
            Fixtures.patch(
                """
                {"op": "Replace", "path": "%s:agentId", "value": %d}
                """
                    .formatted(CC, taken))),
        409,
        "uniqueness");
    assertScimError(
        idp.put(
            "/Users/" + other,
            userJson(otherName, "{\"license\": \"standard\", \"agentId\": " + taken + "}")),
        409,
        "uniqueness");

    assertEquals(own, agentId(cc(admin, other)), "a refused write changes nothing");
    assertEquals(taken, agentId(cc(admin, holder)));
  }

  @Test
  void anAgentIdCanBeChangedExplicitlyToAFreeNumber() {
    String user = Licensing.newUser(idp, Unique.userName("mover"), "{\"license\": \"standard\"}");
    int before = agentId(cc(admin, user));
    int target = freeNumberAbove(60_000);

    Licensing.setCc(idp, user, "agentId", String.valueOf(target));

    assertEquals(target, agentId(cc(admin, user)));
    assertFalse(usedAgentIds(admin).contains(before), "the old number is free again");
  }

  @Test
  void theAgentIdIsKeptWhenTheLicenseGoesAndComesBack() {
    String user =
        Licensing.newUser(idp, Unique.userName("returning"), "{\"license\": \"standard\"}");
    int id = agentId(cc(admin, user));

    Licensing.setCc(idp, user, "license", "\"none\"");

    JsonNode without = assertLicense(admin, user, "none", "none");
    assertEquals(id, agentId(without), "kept while unlicensed");
    assertTrue(usedAgentIds(admin).contains(id), "still listed as used");
    String newcomer =
        Licensing.newUser(idp, Unique.userName("newcomer"), "{\"license\": \"standard\"}");
    assertNotEquals(id, agentId(cc(admin, newcomer)), "a kept number is not handed out again");

    Licensing.setCc(idp, user, "license", "\"premium\"");

    assertEquals(id, agentId(assertLicense(admin, user, "premium", "assigned")));
  }

  @Test
  void theAgentIdIsKeptWhenTheUserMovesBetweenGroups() {
    String agents = Licensing.newGroup(idp, Unique.groupName("Agents"));
    String leads = Licensing.newGroup(idp, Unique.groupName("Leads"));
    Licensing.newTemplate(admin, "Agents " + Unique.tag(), Licensing.groupById(agents), "standard");
    Licensing.newTemplate(admin, "Leads " + Unique.tag(), Licensing.groupById(leads), "premium");
    String user = Licensing.newUser(idp, Unique.userName("moving"));
    Licensing.addMembers(idp, agents, user);
    int id = agentId(cc(admin, user));

    Licensing.removeMembers(idp, agents, user);
    Licensing.addMembers(idp, leads, user);

    assertEquals(id, agentId(assertLicense(admin, user, "premium", "assigned")));
  }

  @Test
  void agentIdPresentFilterListsEveryHolderAndNobodyElse() {
    String tag = Unique.tag();
    String licensed = Licensing.newUser(idp, "pr-licensed-" + tag, "{\"license\": \"standard\"}");
    String formerly = Licensing.newUser(idp, "pr-formerly-" + tag, "{\"license\": \"standard\"}");
    Licensing.setCc(idp, formerly, "license", "\"none\"");
    Licensing.newUser(idp, "pr-never-" + tag);

    assertEquals(
        Set.of(licensed, formerly),
        Licensing.userIdsMatching(admin, CC + ":agentId pr and userName co " + Json.quote(tag)));
    for (JsonNode user : Licensing.listUsers(admin, CC + ":agentId pr")) {
      assertTrue(cc(user).path("agentId").isIntegralNumber(), user::toString);
    }
  }

  private static int freeNumberAbove(int floor) {
    Set<Integer> used = usedAgentIds(admin);
    int candidate = floor + ThreadLocalRandom.current().nextInt(10_000);
    while (used.contains(candidate)) {
      candidate++;
    }
    return candidate;
  }

  private static String userJson(String userName, String ccJson) {
    return """
        {"schemas": ["%s", "%s"], "userName": %s, "%s": %s}
        """
        .formatted(Urns.USER, CC, Json.quote(userName), CC, ccJson);
  }
}
