package dev.switchboard.conformance.licensing;

import static dev.switchboard.conformance.licensing.Licensing.CC;
import static dev.switchboard.conformance.licensing.Licensing.PREMIUM;
import static dev.switchboard.conformance.licensing.Licensing.STANDARD;
import static dev.switchboard.conformance.licensing.Licensing.agentId;
import static dev.switchboard.conformance.licensing.Licensing.assertLicense;
import static dev.switchboard.conformance.licensing.Licensing.assertPool;
import static dev.switchboard.conformance.licensing.Licensing.inUse;
import static dev.switchboard.conformance.support.ScimAssertions.assertJsonBoolean;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.FreshServer;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deactivation (Entra's PATCH, Okta's no-path replace, a PUT) suspends the license and releases its
 * seat at once while memberships and user-specific values stay; reactivation resolves again and
 * re-takes a seat (or waits for one); DELETE releases everything.
 */
class LifecycleTest {

  private static FreshServer server;
  private static FreshServer.Client admin;
  private static FreshServer.Client idp;

  /** A group whose template grants premium, fresh for each test. */
  private String leads;

  @BeforeAll
  static void startServer() {
    server = FreshServer.start(LifecycleTest.class.getSimpleName());
    admin = server.admin();
    idp = server.idp();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void premiumGroup() {
    leads = Licensing.newGroup(idp, Unique.groupName("Leads"));
    Licensing.newTemplate(admin, "Leads " + Unique.tag(), Licensing.groupById(leads), "premium");
  }

  @AfterEach
  void unlimitedPools() {
    Licensing.unlimitedContactCenterPools(admin);
  }

  @Test
  void entraDeactivationSuspendsReleasesTheSeatAndKeepsMembershipsAndUserValues() {
    int used = inUse(admin, PREMIUM);
    String user =
        Licensing.newUser(
            idp, Unique.userName("leaving"), "{\"role\": \"supervisor\", \"queues\": [\"Sales\"]}");
    Licensing.addMembers(idp, leads, user);
    int agentId = agentId(assertLicense(admin, user, "premium", "assigned"));
    assertPool(admin, PREMIUM, null, used + 1, 0);

    Licensing.deactivateEntra(idp, user);

    JsonNode resource = Licensing.getUser(admin, user);
    assertJsonBoolean(false, resource.path("active"), "active");
    JsonNode cc = assertLicense(admin, user, "premium", "suspended");
    assertEquals(agentId, agentId(cc), "agentId kept");
    assertEquals("supervisor", cc.path("role").asText(null), "role kept");
    assertEquals(List.of("Sales"), Json.texts(cc.path("queues")), "queues kept");
    assertTrue(Fixtures.groupIds(resource).contains(leads), "the user still lists its group");
    assertTrue(
        Fixtures.memberIds(Licensing.getGroup(admin, leads)).contains(user),
        "the group keeps the member");
    assertPool(admin, PREMIUM, null, used, 0);
  }

  @Test
  void oktaDeactivationSuspendsAndReleasesTheSeat() {
    int used = inUse(admin, STANDARD);
    String user = Licensing.newUser(idp, Unique.userName("okta"), "{\"license\": \"standard\"}");
    assertPool(admin, STANDARD, null, used + 1, 0);

    Licensing.deactivateOkta(idp, user);

    assertLicense(admin, user, "standard", "suspended");
    assertPool(admin, STANDARD, null, used, 0);
  }

  @Test
  void putWithActiveFalseSuspendsAndPutWithActiveTrueRestores() {
    int used = inUse(admin, STANDARD);
    String userName = Unique.userName("put");
    String user = Licensing.newUser(idp, userName, "{\"license\": \"standard\"}");

    assertScimJson(idp.put("/Users/" + user, fullUser(userName, false)), 200);

    assertLicense(admin, user, "standard", "suspended");
    assertPool(admin, STANDARD, null, used, 0);

    assertScimJson(idp.put("/Users/" + user, fullUser(userName, true)), 200);

    assertLicense(admin, user, "standard", "assigned");
    assertPool(admin, STANDARD, null, used + 1, 0);
  }

  @Test
  void aUserCreatedInactiveIsSuspendedWithoutASeat() {
    int used = inUse(admin, STANDARD);
    String userName = Unique.userName("born-inactive");

    String user =
        assertScimJson(idp.post("/Users", fullUser(userName, false)), 201).path("id").asText();

    assertLicense(admin, user, "standard", "suspended");
    assertPool(admin, STANDARD, null, used, 0);
  }

  @Test
  void reactivationReTakesTheSeat() {
    int used = inUse(admin, PREMIUM);
    String user = Licensing.newUser(idp, Unique.userName("back"));
    Licensing.addMembers(idp, leads, user);
    Licensing.deactivateEntra(idp, user);
    assertPool(admin, PREMIUM, null, used, 0);

    Licensing.reactivate(idp, user);

    assertJsonBoolean(true, Licensing.getUser(admin, user).path("active"), "active");
    assertLicense(admin, user, "premium", "assigned");
    assertPool(admin, PREMIUM, null, used + 1, 0);
  }

  @Test
  void reactivationIntoAFullPoolWaitsAndIsServedWhenASeatFrees() {
    int used = inUse(admin, PREMIUM);
    Licensing.setCapacity(admin, PREMIUM, used + 1);
    String away = Licensing.newUser(idp, Unique.userName("away"));
    String stayer = Licensing.newUser(idp, Unique.userName("stayer"));
    Licensing.addMembers(idp, leads, away);
    assertLicense(admin, away, "premium", "assigned");

    Licensing.deactivateEntra(idp, away);
    Licensing.addMembers(idp, leads, stayer);
    assertLicense(admin, stayer, "premium", "assigned");

    Licensing.reactivate(idp, away);

    assertLicense(admin, away, "premium", "pending");
    assertPool(admin, PREMIUM, used + 1, used + 1, 1);

    Licensing.deleteUser(idp, stayer);

    assertLicense(admin, away, "premium", "assigned");
    assertPool(admin, PREMIUM, used + 1, used + 1, 0);
  }

  @Test
  void deactivationHandsTheSeatToTheOldestPendingUser() {
    int used = inUse(admin, PREMIUM);
    Licensing.setCapacity(admin, PREMIUM, used + 1);
    String holder = Licensing.newUser(idp, Unique.userName("holder"));
    String second = Licensing.newUser(idp, Unique.userName("second"));
    String first = Licensing.newUser(idp, Unique.userName("first"));
    Licensing.addMembers(idp, leads, holder);
    Licensing.addMembers(idp, leads, first);
    Licensing.addMembers(idp, leads, second);

    Licensing.deactivateOkta(idp, holder);

    assertLicense(admin, holder, "premium", "suspended");
    assertLicense(admin, first, "premium", "assigned");
    assertLicense(admin, second, "premium", "pending");
    assertPool(admin, PREMIUM, used + 1, used + 1, 1);
  }

  @Test
  void deactivatingAPendingUserTakesItOutOfTheQueue() {
    int used = inUse(admin, PREMIUM);
    Licensing.setCapacity(admin, PREMIUM, used);
    String waiting = Licensing.newUser(idp, Unique.userName("waiting"));
    Licensing.addMembers(idp, leads, waiting);
    assertPool(admin, PREMIUM, used, used, 1);

    Licensing.deactivateEntra(idp, waiting);

    assertLicense(admin, waiting, "premium", "suspended");
    assertPool(admin, PREMIUM, used, used, 0);
  }

  @Test
  void deleteReleasesTheSeatToTheNextPendingUser() {
    int used = inUse(admin, PREMIUM);
    Licensing.setCapacity(admin, PREMIUM, used + 1);
    String doomed = Licensing.newUser(idp, Unique.userName("doomed"));
    String next = Licensing.newUser(idp, Unique.userName("next"));
    Licensing.addMembers(idp, leads, doomed);
    Licensing.addMembers(idp, leads, next);
    assertPool(admin, PREMIUM, used + 1, used + 1, 1);

    Licensing.deleteUser(idp, doomed);

    assertLicense(admin, next, "premium", "assigned");
    assertPool(admin, PREMIUM, used + 1, used + 1, 0);
    assertFalse(
        Fixtures.memberIds(Licensing.getGroup(admin, leads)).contains(doomed),
        "the deleted user is no member any more");
  }

  @Test
  void deleteWithoutAnyoneWaitingJustFreesTheSeat() {
    int used = inUse(admin, STANDARD);
    String user = Licensing.newUser(idp, Unique.userName("gone"), "{\"license\": \"standard\"}");
    assertPool(admin, STANDARD, null, used + 1, 0);

    Licensing.deleteUser(idp, user);

    assertPool(admin, STANDARD, null, used, 0);
  }

  private static String fullUser(String userName, boolean active) {
    return """
        {"schemas": ["%s", "%s"], "userName": %s, "active": %s,
         "%s": {"license": "standard", "role": "agent"}}
        """
        .formatted(Urns.USER, CC, Json.quote(userName), active, CC);
  }
}
