package dev.switchboard.conformance.licensing;

import static dev.switchboard.conformance.licensing.Licensing.PHONE;
import static dev.switchboard.conformance.licensing.Licensing.PREMIUM;
import static dev.switchboard.conformance.licensing.Licensing.SEAT_POOL;
import static dev.switchboard.conformance.licensing.Licensing.STANDARD;
import static dev.switchboard.conformance.licensing.Licensing.assertLicense;
import static dev.switchboard.conformance.licensing.Licensing.assertPool;
import static dev.switchboard.conformance.licensing.Licensing.inUse;
import static dev.switchboard.conformance.licensing.Licensing.intOf;
import static dev.switchboard.conformance.licensing.Licensing.pendingCount;
import static dev.switchboard.conformance.support.ScimAssertions.assertListResponse;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static dev.switchboard.conformance.support.ScimAssertions.assertStatus;
import static dev.switchboard.conformance.support.ScimAssertions.assertSuccessful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.FreshServer;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.Unique;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seat pools: capacities, pending users when a pool is full (the IdP still gets its 2xx), first
 * come first served when seats free, upgrades that keep their standard seat while waiting, and
 * downgrades that free the premium seat at once.
 *
 * <p>The pools are global: every test starts with both contact-center pools unlimited (so nobody is
 * pending) and sets capacities relative to the seats earlier tests left in use.
 */
class SeatsTest {

  private static FreshServer server;
  private static FreshServer.Client admin;
  private static FreshServer.Client idp;

  /** A group whose template grants premium, fresh for each test. */
  private String leads;

  @BeforeAll
  static void startServer() {
    server = FreshServer.start(SeatsTest.class.getSimpleName());
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

  // ---- the resource ----

  @Test
  void theThreePoolsExistFromTheStartAndAreUnlimited() {
    JsonNode list = assertListResponse(admin.get("/SeatPools"));

    assertEquals(
        Set.of(STANDARD, PREMIUM, PHONE),
        Json.fieldTextSet(list.path("Resources"), "id"),
        list::toString);
    for (String id : Set.of(STANDARD, PREMIUM, PHONE)) {
      JsonNode pool = assertScimJson(admin.get("/SeatPools/" + id), 200);
      assertEquals(id, pool.path("id").asText(null));
      assertTrue(Json.texts(pool.path("schemas")).contains(SEAT_POOL), pool::toString);
      assertTrue(
          pool.path("capacity").isMissingNode() || pool.path("capacity").isNull(), pool::toString);
      assertTrue(intOf(pool, "inUse") >= 0);
      assertEquals(0, intOf(pool, "pending"), pool::toString);
      assertEquals("SeatPool", pool.path("meta").path("resourceType").asText(null), pool::toString);
    }
  }

  @Test
  void poolsCannotBeCreatedOrDeleted() {
    assertStatus(
        admin.post("/SeatPools", "{\"schemas\": [\"" + SEAT_POOL + "\"], \"capacity\": 5}"), 405);
    assertStatus(admin.delete("/SeatPools/" + PREMIUM), 405);
    assertScimJson(admin.get("/SeatPools/" + PREMIUM), 200);
  }

  @Test
  void poolsAreAdminOnly() {
    assertScimError(idp.get("/SeatPools"), 403);
    assertScimError(idp.put("/SeatPools/" + PREMIUM, "{\"capacity\": 1}"), 403);
    assertScimError(server.anonymous().get("/SeatPools/" + PREMIUM), 401);
  }

  @Test
  void putAndPatchSetTheCapacityAndPatchRemoveMakesItUnlimited() {
    int used = inUse(admin, STANDARD);

    JsonNode put =
        assertScimJson(
            admin.put("/SeatPools/" + STANDARD, "{\"capacity\": " + (used + 7) + "}"), 200);
    assertEquals(used + 7, intOf(put, "capacity"), put::toString);
    assertPool(admin, STANDARD, used + 7, used, 0);

    assertSuccessful(
        admin.patch(
            "/SeatPools/" + STANDARD,
            """
            {"Operations": [{"op": "replace", "path": "capacity", "value": %d}]}
            """
                .formatted(used + 3)));
    assertPool(admin, STANDARD, used + 3, used, 0);

    assertSuccessful(
        admin.patch(
            "/SeatPools/" + STANDARD,
            """
            {"Operations": [{"op": "remove", "path": "capacity"}]}
            """));
    assertPool(admin, STANDARD, null, used, 0);
  }

  // ---- pending and FIFO ----

  @Test
  void aFullPoolMakesTheNextLeadPendingWhileTheIdpStillGets2xx() {
    int used = inUse(admin, PREMIUM);
    Licensing.setCapacity(admin, PREMIUM, used + 2);
    String a = Licensing.newUser(idp, Unique.userName("lead-a"));
    String b = Licensing.newUser(idp, Unique.userName("lead-b"));
    String c = Licensing.newUser(idp, Unique.userName("lead-c"));

    Licensing.addMembers(idp, leads, a); // each asserts a 2xx
    Licensing.addMembers(idp, leads, b);
    Licensing.addMembers(idp, leads, c);

    assertLicense(admin, a, "premium", "assigned");
    assertLicense(admin, b, "premium", "assigned");
    assertLicense(admin, c, "premium", "pending");
    assertPool(admin, PREMIUM, used + 2, used + 2, 1);
  }

  @Test
  void aFreedSeatGoesToTheUserPendingLongestNotTheOldestUser() {
    int used = inUse(admin, PREMIUM);
    Licensing.setCapacity(admin, PREMIUM, used + 1);
    String holder = Licensing.newUser(idp, Unique.userName("holder"));
    // created first, but waits second
    String waitsSecond = Licensing.newUser(idp, Unique.userName("waits-second"));
    String waitsFirst = Licensing.newUser(idp, Unique.userName("waits-first"));
    Licensing.addMembers(idp, leads, holder);
    Licensing.addMembers(idp, leads, waitsFirst);
    Licensing.addMembers(idp, leads, waitsSecond);
    assertLicense(admin, waitsFirst, "premium", "pending");
    assertLicense(admin, waitsSecond, "premium", "pending");
    assertPool(admin, PREMIUM, used + 1, used + 1, 2);

    Licensing.removeMembers(idp, leads, holder);

    assertLicense(admin, holder, "none", "none");
    assertLicense(admin, waitsFirst, "premium", "assigned");
    assertLicense(admin, waitsSecond, "premium", "pending");
    assertPool(admin, PREMIUM, used + 1, used + 1, 1);

    Licensing.removeMembers(idp, leads, waitsFirst);

    assertLicense(admin, waitsSecond, "premium", "assigned");
    assertPool(admin, PREMIUM, used + 1, used + 1, 0);
  }

  @Test
  void capacityBelowInUseIs400InvalidValueAndChangesNothing() {
    int used = inUse(admin, PREMIUM);
    Licensing.setCapacity(admin, PREMIUM, used + 2);
    String a = Licensing.newUser(idp, Unique.userName("lead-a"));
    String b = Licensing.newUser(idp, Unique.userName("lead-b"));
    Licensing.addMembers(idp, leads, a, b);
    assertPool(admin, PREMIUM, used + 2, used + 2, 0);

    assertScimError(
        admin.put("/SeatPools/" + PREMIUM, "{\"capacity\": " + (used + 1) + "}"),
        400,
        "invalidValue");
    assertScimError(
        admin.patch(
            "/SeatPools/" + PREMIUM,
            """
            {"Operations": [{"op": "replace", "path": "capacity", "value": %d}]}
            """
                .formatted(used + 1)),
        400,
        "invalidValue");

    assertPool(admin, PREMIUM, used + 2, used + 2, 0);
    assertLicense(admin, a, "premium", "assigned");
    assertLicense(admin, b, "premium", "assigned");
  }

  @Test
  void raisingThenRemovingTheCapacityServesPendingUsersOldestFirst() {
    int used = inUse(admin, PREMIUM);
    Licensing.setCapacity(admin, PREMIUM, used + 1);
    String a = Licensing.newUser(idp, Unique.userName("lead-a"));
    String b = Licensing.newUser(idp, Unique.userName("lead-b"));
    String c = Licensing.newUser(idp, Unique.userName("lead-c"));
    Licensing.addMembers(idp, leads, a);
    Licensing.addMembers(idp, leads, b);
    Licensing.addMembers(idp, leads, c);
    assertPool(admin, PREMIUM, used + 1, used + 1, 2);

    Licensing.setCapacity(admin, PREMIUM, used + 2);

    assertLicense(admin, b, "premium", "assigned");
    assertLicense(admin, c, "premium", "pending");
    assertPool(admin, PREMIUM, used + 2, used + 2, 1);

    Licensing.removeCapacity(admin, PREMIUM);

    assertLicense(admin, c, "premium", "assigned");
    assertPool(admin, PREMIUM, null, used + 3, 0);
  }

  @Test
  void theStandardPoolMakesUsersPendingToo() {
    int used = inUse(admin, STANDARD);
    Licensing.setCapacity(admin, STANDARD, used);
    String agent = Licensing.newUser(idp, Unique.userName("agent"), "{\"license\": \"standard\"}");

    assertLicense(admin, agent, "standard", "pending");
    assertPool(admin, STANDARD, used, used, 1);

    Licensing.setCapacity(admin, STANDARD, used + 1);

    assertLicense(admin, agent, "standard", "assigned");
    assertPool(admin, STANDARD, used + 1, used + 1, 0);
  }

  // ---- upgrades and downgrades ----

  @Test
  void anUpgradeWaitingForPremiumKeepsItsStandardSeat() {
    int premiumUsed = inUse(admin, PREMIUM);
    int standardUsed = inUse(admin, STANDARD);
    Licensing.setCapacity(admin, PREMIUM, premiumUsed); // full
    String user = Licensing.newUser(idp, Unique.userName("upgrade"), "{\"license\": \"standard\"}");
    assertLicense(admin, user, "standard", "assigned");
    assertPool(admin, STANDARD, null, standardUsed + 1, 0);

    Licensing.addMembers(idp, leads, user);

    assertLicense(admin, user, "premium", "pending");
    assertPool(admin, STANDARD, null, standardUsed + 1, 0);
    assertPool(admin, PREMIUM, premiumUsed, premiumUsed, 1);

    Licensing.setCapacity(admin, PREMIUM, premiumUsed + 1);

    assertLicense(admin, user, "premium", "assigned");
    assertPool(admin, PREMIUM, premiumUsed + 1, premiumUsed + 1, 0);
    assertPool(admin, STANDARD, null, standardUsed, 0);
  }

  @Test
  void aDirectUpgradeWaitingForPremiumKeepsItsStandardSeatUntilItLeavesTheQueue() {
    int premiumUsed = inUse(admin, PREMIUM);
    int standardUsed = inUse(admin, STANDARD);
    Licensing.setCapacity(admin, PREMIUM, premiumUsed);
    String user =
        Licensing.newUser(idp, Unique.userName("direct-upgrade"), "{\"license\": \"standard\"}");

    Licensing.setCc(idp, user, "license", "\"premium\"");

    assertLicense(admin, user, "premium", "pending");
    assertEquals(standardUsed + 1, inUse(admin, STANDARD));
    assertEquals(1, pendingCount(admin, PREMIUM));

    Licensing.setCc(idp, user, "license", "\"standard\"");

    assertLicense(admin, user, "standard", "assigned");
    assertPool(admin, PREMIUM, premiumUsed, premiumUsed, 0);
    assertPool(admin, STANDARD, null, standardUsed + 1, 0);
  }

  @Test
  void aDowngradeReleasesThePremiumSeatAtOnce() {
    int premiumUsed = inUse(admin, PREMIUM);
    int standardUsed = inUse(admin, STANDARD);
    Licensing.setCapacity(admin, PREMIUM, premiumUsed + 1);
    String down = Licensing.newUser(idp, Unique.userName("down"), "{\"license\": \"premium\"}");
    String waiting =
        Licensing.newUser(idp, Unique.userName("waiting"), "{\"license\": \"premium\"}");
    assertLicense(admin, down, "premium", "assigned");
    assertLicense(admin, waiting, "premium", "pending");

    Licensing.setCc(idp, down, "license", "\"standard\"");

    assertLicense(admin, down, "standard", "assigned");
    assertLicense(admin, waiting, "premium", "assigned");
    assertPool(admin, PREMIUM, premiumUsed + 1, premiumUsed + 1, 0);
    assertPool(admin, STANDARD, null, standardUsed + 1, 0);

    Licensing.setCc(idp, waiting, "license", "\"none\"");

    assertLicense(admin, waiting, "none", "none");
    assertPool(admin, PREMIUM, premiumUsed + 1, premiumUsed, 0);
  }

  @Test
  void leavingThePremiumGroupReleasesThePremiumSeatAndTakesAStandardOne() {
    int premiumUsed = inUse(admin, PREMIUM);
    int standardUsed = inUse(admin, STANDARD);
    String agents = Licensing.newGroup(idp, Unique.groupName("Agents"));
    Licensing.newTemplate(admin, "Agents " + Unique.tag(), Licensing.groupById(agents), "standard");
    String user = Licensing.newUser(idp, Unique.userName("both"));
    Licensing.addMembers(idp, agents, user);
    Licensing.addMembers(idp, leads, user);
    assertLicense(admin, user, "premium", "assigned");
    // a premium holder does not also hold a standard seat
    assertPool(admin, STANDARD, null, standardUsed, 0);
    assertPool(admin, PREMIUM, null, premiumUsed + 1, 0);

    Licensing.removeMembers(idp, leads, user);

    assertLicense(admin, user, "standard", "assigned");
    assertPool(admin, PREMIUM, null, premiumUsed, 0);
    assertPool(admin, STANDARD, null, standardUsed + 1, 0);
  }
}
