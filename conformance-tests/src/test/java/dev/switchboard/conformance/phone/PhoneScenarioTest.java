package dev.switchboard.conformance.phone;

import static dev.switchboard.conformance.phone.Phone.ADMIN_ACTOR;
import static dev.switchboard.conformance.phone.Phone.ASSIGNED;
import static dev.switchboard.conformance.phone.Phone.IDP_ACTOR;
import static dev.switchboard.conformance.phone.Phone.NONE;
import static dev.switchboard.conformance.phone.Phone.P;
import static dev.switchboard.conformance.phone.Phone.PENDING;
import static dev.switchboard.conformance.phone.Phone.assertEvent;
import static dev.switchboard.conformance.phone.Phone.assertReasonContains;
import static dev.switchboard.conformance.phone.Phone.auditEvents;
import static dev.switchboard.conformance.support.ScimAssertions.assertJsonBoolean;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static dev.switchboard.conformance.support.ScimAssertions.assertSuccessful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.phone.Phone.Range;
import dev.switchboard.conformance.support.FreshServer;
import dev.switchboard.conformance.support.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 5 "tried as a new user would": an admin sets up the site Stockholm with the 100-number
 * range 4100–4199, a calling package, three direct numbers and a template licensing the group
 * "Phone Users"; the IdP pushes 100 users into the group; then ten are deactivated and come back in
 * two waves, newcomers wait on the full site, five users are deleted, more join, some leave. After
 * every step everything an admin reads is checked: each user's licenseState and extension, that no
 * number is held by two users, the seat pool, the inventory and the audit trail. No number is ever
 * given twice, the lowest free numbers are reused, and held numbers come back unchanged.
 *
 * <p>The steps share one fresh server and run in order; a step is skipped when an earlier one
 * failed, so the first failure is the one to read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneScenarioTest {

  private static final String SITE = "Stockholm";
  private static final Range RANGE = new Range(4100, 4199);
  private static final String GROUP = "Phone Users";
  private static final String TEMPLATE_NAME = "Phone Users Stockholm";
  private static final String PACKAGE = "national";
  private static final String DOMAIN = "@contoso.example";
  private static final int USERS = 100;
  private static final int BATCH = 10;

  private FreshServer server;
  private FreshServer.Client admin;
  private FreshServer.Client idp;
  private String group;

  /** user key (u000…u099, new1…) → id, in push order. */
  private final Map<String, String> ids = new LinkedHashMap<>();

  /** user key → the licenseState an admin should read now. */
  private final Map<String, String> states = new LinkedHashMap<>();

  /** user key → the extension it should hold now (null: none). */
  private final Map<String, String> extensions = new HashMap<>();

  /** user key → its direct number, and the number's inventory id. */
  private final Map<String, String> dids = new LinkedHashMap<>();

  private final Map<String, String> didIds = new HashMap<>();

  /** user key → the extension it got when the IdP first pushed it (step 2). */
  private final Map<String, String> original = new HashMap<>();

  private final Set<String> deleted = new HashSet<>();
  private int stepsDone;

  @BeforeAll
  void startServer() {
    server = FreshServer.start(PhoneScenarioTest.class.getSimpleName());
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
  void adminSetsUpStockholmAPackageThreeNumbersAndAPhoneTemplateBeforeTheIdpPushes() {
    step(1);
    JsonNode site = assertScimJson(admin.post("/Sites", Phone.siteJson(SITE, 0, 30, RANGE)), 201);
    assertJsonBoolean(true, site.path("isDefault"), "the first site is the default");
    Phone.newPackage(admin, PACKAGE, 20);
    Phone.newTemplate(
        admin, TEMPLATE_NAME, Phone.groupByName(GROUP), Phone.phoneFields(SITE, PACKAGE, null));
    for (String key : List.of("u010", "u011", "u012")) {
      String number = "+4681234" + key.substring(1);
      dids.put(key, number);
      didIds.put(key, Phone.newNumber(admin, number, SITE));
      Phone.assertNumber(admin, didIds.get(key), "unassigned", null);
    }

    Phone.assertPool(admin, 0, 0);
    assertEquals(0, auditEvents(admin, "product eq \"phone\"").size());
    stepsDone = 1;
  }

  @Test
  @Order(2)
  void idpPushesAHundredUsersIntoTheGroupAndTheyTakeTheHundredNumbersLowestFirst() {
    step(2);
    for (int i = 0; i < USERS; i++) {
      String key = key(i);
      ids.put(key, Phone.newUser(idp, key + DOMAIN));
      expect(key, "none", null);
    }
    assertEveryone();

    // Entra's shape: the group first, then its members in PATCHes of ten.
    group = Phone.newGroup(idp, GROUP);
    Set<String> taken = new TreeSet<>();
    for (int from = 0; from < USERS; from += BATCH) {
      List<String> batch = new ArrayList<>();
      for (int i = from; i < from + BATCH; i++) {
        batch.add(key(i));
      }
      Phone.addMembers(idp, group, idsOf(batch));
      for (String key : batch) {
        JsonNode phone = Phone.assertPhone(admin, ids.get(key), true, "assigned");
        String extension = Phone.extensionOf(phone);
        assertNotNull(extension, () -> key + ": " + phone);
        assertTrue(taken.add(extension), () -> extension + " given twice, now to " + key);
        assertEquals(SITE, phone.path("effectiveSite").asText(null), phone::toString);
        assertEquals(PACKAGE, phone.path("effectiveCallingPackage").asText(null), phone::toString);
        expect(key, "assigned", extension);
      }
      assertEquals(
          RANGE.numbers(0, from + BATCH), taken, "the lowest numbers after " + (from + BATCH));
    }
    assertEveryone();
    Phone.assertPool(admin, USERS, 0);
    original.putAll(extensions);

    // What an admin lists.
    String holder = keyHolding("4150");
    assertEquals(
        Set.of(ids.get(holder)), Phone.userIdsMatching(admin, P + ":extensionNumber eq \"4150\""));
    assertEquals(
        Set.copyOf(ids.values()),
        Phone.userIdsMatching(admin, P + ":effectiveSite eq " + Json.quote(SITE)));

    // The audit trail: one phone and one extension event per user, by the IdP, naming the group.
    assertEquals(USERS, auditEvents(admin, "product eq \"phone\"").size());
    assertEquals(USERS, auditEvents(admin, "product eq \"extension\"").size());
    JsonNode event = assertEvent(admin, ids.get("u007"), "phone", NONE, ASSIGNED);
    assertReasonContains(event, GROUP, "added");
    assertEquals(IDP_ACTOR, event.path("actor").asText(null), event::toString);
    assertEvent(admin, ids.get("u007"), "extension", NONE, extensions.get("u007"));

    // Three of them get a direct number.
    for (String key : dids.keySet()) {
      assertSuccessful(Phone.patchDirectNumbers(idp, ids.get(key), dids.get(key)));
      Phone.assertNumber(admin, didIds.get(key), "assigned", ids.get(key));
    }
    stepsDone = 2;
  }

  @Test
  @Order(3)
  void tenUsersAreDeactivatedTheirSeatsGoTheirNumbersAreHeld() {
    step(3);
    for (int i = 10; i < 20; i++) {
      String key = key(i);
      if (i % 2 == 0) {
        Phone.deactivateEntra(idp, ids.get(key));
      } else {
        Phone.deactivateOkta(idp, ids.get(key));
      }
      expect(key, "suspended", extensions.get(key));
    }

    assertEveryone();
    Phone.assertPool(admin, USERS - 10, 0);
    for (String key : dids.keySet()) {
      JsonNode phone = Phone.phone(admin, ids.get(key));
      assertEquals(List.of(dids.get(key)), Phone.directNumbersOf(phone), phone::toString);
      assertEquals("held", Phone.getNumber(admin, didIds.get(key)).path("state").asText(null));
    }
    stepsDone = 3;
  }

  @Test
  @Order(4)
  void newcomersWaitOnTheFullSiteAndNobodyGetsAHeldNumber() {
    step(4);
    for (String key : List.of("new1", "new2")) {
      ids.put(key, Phone.newUser(idp, key + DOMAIN));
      Phone.addMembers(idp, group, ids.get(key)); // asserts the IdP's 2xx
      expect(key, "pending", null);
    }

    assertEveryone();
    assertEquals(0, Phone.pendingSeats(admin), "they wait for a number, not for a seat");
    assertEquals(
        Set.of(ids.get("new1"), ids.get("new2")),
        Phone.userIdsMatching(admin, P + ":licenseState eq \"pending\""));
    assertEvent(admin, ids.get("new1"), "phone", NONE, PENDING);

    // Asking for a held number explicitly is refused and creates nobody.
    String held = extensions.get("u010");
    assertScimError(
        Phone.postUser(idp, "new3" + DOMAIN, Phone.licensedWithExtension(SITE, held)),
        409,
        "uniqueness");
    assertTrue(Phone.listUsers(admin, "userName eq \"new3" + DOMAIN + "\"").isEmpty());
    stepsDone = 4;
  }

  @Test
  @Order(5)
  void fiveComeBackWithTheirOwnNumbersAndTheNewcomersKeepWaiting() {
    step(5);
    for (int i = 10; i < 15; i++) {
      String key = key(i);
      if (i % 2 == 0) {
        Phone.reactivateEntra(idp, ids.get(key));
      } else {
        Phone.reactivateOkta(idp, ids.get(key));
      }
      expect(key, "assigned", extensions.get(key)); // unchanged
    }

    assertEveryone();
    assertEquals(0, Phone.pendingSeats(admin));
    for (String key : dids.keySet()) {
      JsonNode phone = Phone.phone(admin, ids.get(key));
      assertEquals(List.of(dids.get(key)), Phone.directNumbersOf(phone), phone::toString);
      Phone.assertNumber(admin, didIds.get(key), "assigned", ids.get(key));
    }
    stepsDone = 5;
  }

  @Test
  @Order(6)
  void fiveUsersAreDeletedAndTheOldestWaitingNewcomersGetTheirNumbers() {
    step(6);
    for (int i = 50; i < 55; i++) {
      String key = key(i);
      String freed = extensions.get(key);
      Phone.deleteUser(idp, ids.get(key));
      deleted.add(key);
      // the oldest waiting newcomer gets the freed number; once nobody waits, it stays free
      if (i == 50) {
        expect("new1", "assigned", freed);
      } else if (i == 51) {
        expect("new2", "assigned", freed);
      }
      assertEveryone();
    }

    assertEvent(admin, ids.get("new1"), "phone", PENDING, ASSIGNED);
    assertEvent(admin, ids.get("new1"), "extension", NONE, original.get("u050"));
    assertEvent(admin, ids.get("u050"), "extension", original.get("u050"), NONE);
    // 90 active originals (100 − 5 deactivated − 5 deleted) and the two newcomers
    Phone.assertPool(admin, 92, 0);
    stepsDone = 6;
  }

  @Test
  @Order(7)
  void moreJoinAndTakeTheLowestFreeNumbersUntilTheSiteIsFullAgain() {
    step(7);
    for (String key : List.of("new4", "new5", "new6")) {
      join(key); // asserts the lowest free number
    }
    assertEquals(
        new TreeSet<>(List.of(original.get("u052"), original.get("u053"), original.get("u054"))),
        new TreeSet<>(
            List.of(extensions.get("new4"), extensions.get("new5"), extensions.get("new6"))),
        "the deleted users' numbers are reused");

    join("new7");

    assertEquals("pending", states.get("new7"), "the site is full again (five numbers held)");
    assertEveryone();
    stepsDone = 7;
  }

  @Test
  @Order(8)
  void leaversFreeTheirNumbersForTheWaitingUserAndTheNextNewcomers() {
    step(8);
    String u030 = extensions.get("u030");
    Phone.removeMembers(idp, group, ids.get("u030"));

    expect("u030", "none", null);
    expect("new7", "assigned", u030);
    assertEveryone();
    assertReasonContains(
        assertEvent(admin, ids.get("u030"), "phone", ASSIGNED, NONE), GROUP, "removed");
    assertEvent(admin, ids.get("new7"), "extension", NONE, u030);

    Phone.removeMembers(idp, group, ids.get("u020"), ids.get("u021"));
    expect("u020", "none", null);
    expect("u021", "none", null);
    assertEveryone();

    join("new8"); // asserts the lowest free number
    join("new9");

    assertEquals(
        new TreeSet<>(List.of(original.get("u020"), original.get("u021"))),
        new TreeSet<>(List.of(extensions.get("new8"), extensions.get("new9"))),
        "the leavers' numbers are reused");
    stepsDone = 8;
  }

  @Test
  @Order(9)
  void theLastFiveComeBackToTheNumbersHeldForThemAndTheSiteIsFull() {
    step(9);
    for (int i = 15; i < 20; i++) {
      String key = key(i);
      Phone.reactivateEntra(idp, ids.get(key));
      expect(key, "assigned", extensions.get(key));
    }
    assertEveryone();
    for (int i = 10; i < 20; i++) {
      assertEquals(original.get(key(i)), extensions.get(key(i)), "held and back unchanged");
    }

    Set<String> held = new TreeSet<>();
    for (String key : states.keySet()) {
      if (!deleted.contains(key) && extensions.get(key) != null) {
        held.add(extensions.get(key));
      }
    }
    assertEquals(RANGE.numbers(0, RANGE.size()), held, "every number of the range is in use");
    Phone.assertPool(admin, USERS, 0);

    join("new10");
    assertEquals("pending", states.get("new10"), "the hundred-and-first waits");
    stepsDone = 9;
  }

  @Test
  @Order(10)
  void inTheEndEveryNumberHasOneHolderAndTheTrailNeverGaveANumberTwice() {
    step(10);
    assertEveryone();
    Map<String, String> holders = new HashMap<>();
    for (String key : states.keySet()) {
      if (!deleted.contains(key) && extensions.get(key) != null) {
        holders.put(extensions.get(key), key);
      }
    }
    for (String number : List.of("4100", "4110", "4120", "4130", "4150", "4154", "4199")) {
      assertEquals(
          Set.of(ids.get(holders.get(number))),
          Phone.userIdsMatching(admin, P + ":extensionNumber eq " + Json.quote(number)),
          "holder of " + number);
    }

    // Replaying the extension trail: every number was given at most once more than it was taken
    // back, and is given now exactly when someone holds it.
    Map<String, Integer> given = new HashMap<>();
    Map<String, Integer> released = new HashMap<>();
    for (JsonNode event : auditEvents(admin, "product eq \"extension\"")) {
      String before = event.path("before").asText(NONE);
      String after = event.path("after").asText(NONE);
      if (before.equals(after)) {
        continue;
      }
      if (!NONE.equals(after)) {
        given.merge(after, 1, Integer::sum);
      }
      if (!NONE.equals(before)) {
        released.merge(before, 1, Integer::sum);
      }
    }
    for (String number : RANGE.numbers(0, RANGE.size())) {
      int net = given.getOrDefault(number, 0) - released.getOrDefault(number, 0);
      assertEquals(
          holders.containsKey(number) ? 1 : 0,
          net,
          () -> number + ": given " + given.get(number) + ", released " + released.get(number));
    }

    for (JsonNode event : auditEvents(admin, "time gt \"2020-01-01T00:00:00Z\"")) {
      assertTrue(
          Set.of(IDP_ACTOR, ADMIN_ACTOR).contains(event.path("actor").asText()), event::toString);
    }
    stepsDone = 10;
  }

  // ---- helpers ----

  private void step(int n) {
    assumeTrue(stepsDone == n - 1, "an earlier step of the scenario failed");
  }

  private static String key(int i) {
    return String.format("u%03d", i);
  }

  private void expect(String key, String state, String extension) {
    states.put(key, state);
    extensions.put(key, extension);
  }

  /**
   * A new user joins the group and gets the lowest number nobody holds (held numbers of deactivated
   * users included; the cooldown is 0), or waits when there is none.
   */
  private void join(String key) {
    String lowest = lowestFree();
    ids.put(key, Phone.newUser(idp, key + DOMAIN));
    Phone.addMembers(idp, group, ids.get(key));
    expect(key, lowest == null ? "pending" : "assigned", lowest);
    assertEveryone();
  }

  /** The lowest number of the range no (not deleted) user is expected to hold; null if none. */
  private String lowestFree() {
    Set<String> free = new TreeSet<>(RANGE.numbers(0, RANGE.size()));
    for (String key : states.keySet()) {
      if (!deleted.contains(key) && extensions.get(key) != null) {
        free.remove(extensions.get(key));
      }
    }
    return free.isEmpty() ? null : free.iterator().next();
  }

  private String keyHolding(String extension) {
    for (Map.Entry<String, String> entry : extensions.entrySet()) {
      if (extension.equals(entry.getValue()) && !deleted.contains(entry.getKey())) {
        return entry.getKey();
      }
    }
    throw new AssertionError("nobody is expected to hold " + extension);
  }

  /**
   * Every (not deleted) user shows what {@link #states} and {@link #extensions} say, and no two
   * users hold the same number.
   */
  private void assertEveryone() {
    List<String> wrong = new ArrayList<>();
    Map<String, String> holders = new HashMap<>();
    for (Map.Entry<String, String> entry : states.entrySet()) {
      String key = entry.getKey();
      if (deleted.contains(key)) {
        continue;
      }
      JsonNode phone = Phone.phone(admin, ids.get(key));
      String state = phone.path("licenseState").asText(null);
      String extension = Phone.extensionOf(phone);
      boolean licensed = phone.path("effectiveLicensed").asBoolean(false);
      String expectedExtension = extensions.get(key);
      if (!entry.getValue().equals(state)
          || licensed == "none".equals(entry.getValue())
          || (expectedExtension == null
              ? extension != null
              : !expectedExtension.equals(extension))) {
        wrong.add(
            key
                + ": expected "
                + entry.getValue()
                + " with "
                + expectedExtension
                + ", was "
                + state
                + " (effectiveLicensed "
                + licensed
                + ") with "
                + extension);
      }
      if (extension != null) {
        String other = holders.put(extension, key);
        if (other != null) {
          wrong.add(extension + " is held by both " + other + " and " + key);
        }
        if (!RANGE.contains(extension)) {
          wrong.add(key + " holds " + extension + ", outside " + RANGE);
        }
      }
    }
    assertTrue(wrong.isEmpty(), () -> String.join("; ", wrong));
  }

  private String[] idsOf(List<String> keys) {
    return keys.stream().map(ids::get).toArray(String[]::new);
  }
}
