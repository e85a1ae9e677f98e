package dev.switchboard.conformance.phone;

import static dev.switchboard.conformance.phone.Phone.P;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.phone.Phone.Range;
import dev.switchboard.conformance.support.FreshServer;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.ScimResponse;
import dev.switchboard.conformance.support.Unique;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Automatic and explicit extension numbers: the lowest free number of the effective site's ranges,
 * explicit numbers that are unique (409) and digits only (400), released numbers that are free at
 * once with cooldown 0 and rest with a cooldown, users pending on a full site served oldest first,
 * and no number handed out twice under 30 parallel creates.
 *
 * <p>Each test makes its own site with a range no other site overlaps, so "lowest free" is exact.
 */
class ExtensionAssignmentTest {

  private static final int PARALLEL = 30;

  private static FreshServer server;
  private static FreshServer.Client admin;
  private static FreshServer.Client idp;

  /** A site made for one test: its name and its one range. */
  private record Site(String name, Range range) {}

  @BeforeAll
  static void startServer() {
    server = FreshServer.start(ExtensionAssignmentTest.class.getSimpleName());
    admin = server.admin();
    idp = server.idp();
    // the default site, so that no test's own site is the default by accident
    Phone.newSite(admin, "Default " + Unique.tag(), Phone.freshRange(100));
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  // ---- automatic numbers ----

  @Test
  void licensedUsersGetTheLowestNumbersOfTheirSiteAndZeroMeansAutomatic() {
    Site site = site(0, 10);

    String first = licensed(site, "first");
    String second = licensed(site, "second");
    String third =
        Phone.newUser(idp, Unique.userName("zero"), Phone.licensedWithExtension(site.name(), "0"));

    assertEquals(site.range().number(0), extension(first));
    assertEquals(site.range().number(1), extension(second));
    JsonNode phone = Phone.assertPhone(admin, third, true, "assigned");
    assertEquals(site.range().number(2), Phone.extensionOf(phone), "\"0\" means automatic");
    assertEquals(site.name(), phone.path("effectiveSite").asText(null), phone::toString);
  }

  @Test
  void anUnlicensedUserHoldsNoNumberUntilItBecomesLicensed() {
    Site site = site(0, 10);
    String user =
        Phone.newUser(
            idp,
            Unique.userName("later"),
            "{\"licensed\": false, \"site\": " + Json.quote(site.name()) + "}");

    JsonNode before = Phone.assertPhone(admin, user, false, "none");
    assertEquals(null, Phone.extensionOf(before), before::toString);

    Phone.setPhone(idp, user, "licensed", "true");

    Phone.assertPhone(admin, user, true, "assigned");
    assertEquals(site.range().number(0), extension(user));
  }

  @Test
  void theLowestFreeNumberSkipsNumbersChosenExplicitly() {
    Site site = site(0, 10);
    String explicitFirst =
        Phone.newUser(
            idp,
            Unique.userName("explicit0"),
            Phone.licensedWithExtension(site.name(), site.range().number(0)));
    String explicitThird =
        Phone.newUser(
            idp,
            Unique.userName("explicit2"),
            Phone.licensedWithExtension(site.name(), site.range().number(2)));

    String a = licensed(site, "a");
    String b = licensed(site, "b");

    assertEquals(site.range().number(0), extension(explicitFirst));
    assertEquals(site.range().number(2), extension(explicitThird));
    assertEquals(site.range().number(1), extension(a));
    assertEquals(site.range().number(3), extension(b));
  }

  @Test
  void anExplicitExtensionIsShownAndFindsItsUserByFilter() {
    Site site = site(0, 10);
    String number = site.range().number(7);
    String user =
        Phone.newUser(
            idp, Unique.userName("explicit"), Phone.licensedWithExtension(site.name(), number));

    JsonNode phone = Phone.assertPhone(admin, user, true, "assigned");
    assertEquals(number, Phone.extensionOf(phone), phone::toString);

    assertEquals(
        Set.of(user),
        Phone.userIdsMatching(admin, P + ":extensionNumber eq " + Json.quote(number)));
    String automatic = licensed(site, "automatic");
    assertEquals(
        Set.of(automatic),
        Phone.userIdsMatching(
            admin, P + ":extensionNumber eq " + Json.quote(site.range().number(0))));
  }

  // ---- explicit numbers refused ----

  @Test
  void anExplicitExtensionTakenByAnotherUserIs409UniquenessAndChangesNothing() {
    Site site = site(0, 10);
    String holder = licensed(site, "holder");
    String taken = extension(holder);
    String explicitHolder =
        Phone.newUser(
            idp,
            Unique.userName("explicit-holder"),
            Phone.licensedWithExtension(site.name(), site.range().number(5)));

    String newName = Unique.userName("copycat");
    assertScimError(
        Phone.postUser(idp, newName, Phone.licensedWithExtension(site.name(), taken)),
        409,
        "uniqueness");
    assertTrue(
        Phone.listUsers(admin, "userName eq " + Json.quote(newName)).isEmpty(),
        "a refused create creates nobody");

    String other = licensed(site, "other");
    String ownNumber = extension(other);
    assertScimError(
        Phone.patchPhone(idp, other, "extensionNumber", Json.quote(taken)), 409, "uniqueness");
    assertScimError(
        Phone.patchPhone(idp, other, "extensionNumber", Json.quote(site.range().number(5))),
        409,
        "uniqueness");

    assertEquals(ownNumber, extension(other), "a refused PATCH changes nothing");
    assertEquals(taken, extension(holder));
    assertEquals(site.range().number(5), extension(explicitHolder));
  }

  @Test
  void anExtensionWithNonDigitsIs400InvalidValue() {
    Site site = site(0, 10);
    for (String bad : List.of("41a1", "ext 12", "+4100", "12-34")) {
      assertScimError(
          Phone.postUser(
              idp, Unique.userName("bad"), Phone.licensedWithExtension(site.name(), bad)),
          400,
          "invalidValue");
    }

    String user = licensed(site, "patched");
    assertScimError(
        Phone.patchPhone(idp, user, "extensionNumber", "\"12ab\""), 400, "invalidValue");

    assertEquals(site.range().number(0), extension(user));
  }

  // ---- released numbers and the cooldown ----

  @Test
  void withCooldownZeroAReleasedNumberIsTheLowestFreeAgainAtOnce() {
    Site site = site(0, 10);
    String a = licensed(site, "a");
    String b = licensed(site, "b");
    String c = licensed(site, "c");
    assertEquals(site.range().number(1), extension(b));

    // license removed
    Phone.setPhone(idp, b, "licensed", "false");
    Phone.assertPhone(admin, b, false, "none");
    assertEquals(null, extension(b), "an unlicensed user holds no number");

    String d = licensed(site, "d");
    assertEquals(site.range().number(1), extension(d), "the released number is free at once");

    // user deleted
    Phone.deleteUser(idp, a);
    String e = licensed(site, "e");
    assertEquals(site.range().number(0), extension(e));

    // moved off the number to an explicit one
    Phone.setPhone(idp, c, "extensionNumber", Json.quote(site.range().number(8)));
    assertEquals(site.range().number(8), extension(c));
    String f = licensed(site, "f");
    assertEquals(site.range().number(2), extension(f));

    // and explicitly, too
    Phone.setPhone(idp, d, "licensed", "false");
    String g =
        Phone.newUser(
            idp,
            Unique.userName("g"),
            Phone.licensedWithExtension(site.name(), site.range().number(1)));
    assertEquals(site.range().number(1), extension(g));
  }

  @Test
  void aReleasedNumberRestsForTheSitesCooldown() {
    Site site = site(30, 10);
    String a = licensed(site, "a");
    String b = licensed(site, "b");
    assertEquals(site.range().number(0), extension(a));

    Phone.setPhone(idp, a, "licensed", "false");

    String c = licensed(site, "c");
    assertEquals(
        site.range().number(2),
        extension(c),
        "the released " + site.range().number(0) + " is cooling down");
    assertScimError(
        Phone.postUser(
            idp,
            Unique.userName("eager"),
            Phone.licensedWithExtension(site.name(), site.range().number(0))),
        409);

    Phone.deleteUser(idp, b);
    String d = licensed(site, "d");
    assertEquals(site.range().number(3), extension(d), "a deleted user's number cools down too");
  }

  // ---- a full site ----

  @Test
  void aFullSiteLeavesNewUsersPendingAndFreedNumbersGoToTheOldestPendingUser() {
    Site site = site(0, 2);
    int seatsPending = Phone.pendingSeats(admin);
    String a = licensed(site, "a");
    String b = licensed(site, "b");
    // created first but waiting second
    String second =
        Phone.newUser(
            idp,
            Unique.userName("waits-second"),
            "{\"licensed\": false, \"site\": " + Json.quote(site.name()) + "}");
    String first = licensed(site, "waits-first"); // newUser asserts the IdP's 201
    Phone.setPhone(idp, second, "licensed", "true");

    for (String waiting : List.of(first, second)) {
      JsonNode phone = Phone.assertPhone(admin, waiting, true, "pending");
      assertEquals(null, Phone.extensionOf(phone), phone::toString);
    }
    assertTrue(
        Phone.userIdsMatching(admin, P + ":licenseState eq \"pending\"")
            .containsAll(Set.of(first, second)),
        "both are listed as pending");
    assertEquals(
        seatsPending, Phone.pendingSeats(admin), "waiting for a number is not waiting for a seat");

    Phone.setPhone(idp, a, "licensed", "false");

    Phone.assertPhone(admin, first, true, "assigned");
    assertEquals(site.range().number(0), extension(first));
    Phone.assertPhone(admin, second, true, "pending");

    Phone.deleteUser(idp, b);

    Phone.assertPhone(admin, second, true, "assigned");
    assertEquals(site.range().number(1), extension(second));
  }

  @Test
  void aNumberFreedOnOneSiteIsNotGivenToAUserPendingOnAnother() {
    Site full = site(0, 1);
    Site other = site(0, 1);
    licensed(other, "other-holder");
    String waitingElsewhere = licensed(other, "waiting-elsewhere");
    String holder = licensed(full, "holder");
    String waitingHere = licensed(full, "waiting-here");
    Phone.assertPhone(admin, waitingElsewhere, true, "pending");
    Phone.assertPhone(admin, waitingHere, true, "pending");

    Phone.deleteUser(idp, holder);

    Phone.assertPhone(admin, waitingHere, true, "assigned");
    assertEquals(full.range().number(0), extension(waitingHere));
    JsonNode elsewhere = Phone.assertPhone(admin, waitingElsewhere, true, "pending");
    assertEquals(null, Phone.extensionOf(elsewhere), elsewhere::toString);
  }

  // ---- concurrency ----

  @Test
  void thirtyParallelLicensedCreatesOnOneSiteGetThirtyDistinctExtensions() throws Exception {
    Site site = site(0, 50);
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    List<ScimResponse> responses = new ArrayList<>();
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<ScimResponse>> futures = new ArrayList<>();
      for (int i = 0; i < PARALLEL; i++) {
        String userName = Unique.userName("parallel" + i);
        futures.add(
            CompletableFuture.supplyAsync(
                () -> {
                  awaitQuietly(start);
                  return Phone.postUser(idp, userName, Phone.licensedOn(site.name()));
                },
                pool));
      }
      start.countDown();
      for (CompletableFuture<ScimResponse> future : futures) {
        responses.add(future.get(2, TimeUnit.MINUTES));
      }
    } finally {
      pool.shutdownNow();
    }

    Map<String, String> userByExtension = new TreeMap<>();
    for (ScimResponse response : responses) {
      String id = assertScimJson(response, 201).path("id").asText();
      JsonNode phone = Phone.assertPhone(admin, id, true, "assigned");
      String extension = Phone.extensionOf(phone);
      assertNotNull(extension, phone::toString);
      String previous = userByExtension.put(extension, id);
      assertEquals(
          null, previous, "extension " + extension + " given to both " + previous + " and " + id);
    }
    assertEquals(
        site.range().numbers(0, PARALLEL),
        new TreeSet<>(userByExtension.keySet()),
        "thirty creates take exactly the thirty lowest numbers");
    String next = licensed(site, "after-the-rush");
    assertEquals(site.range().number(PARALLEL), extension(next));
  }

  // ---- helpers ----

  /** A new site with a fresh range of {@code size} numbers and this cooldown (hold 30). */
  private static Site site(int cooldownDays, int size) {
    String name = "Site " + Unique.tag();
    Range range = Phone.freshRange(size);
    Phone.newSite(admin, name, cooldownDays, 30, range);
    return new Site(name, range);
  }

  /** POSTs a user licensed directly on the site; returns its id. */
  private static String licensed(Site site, String who) {
    return Phone.newUser(idp, Unique.userName(who), Phone.licensedOn(site.name()));
  }

  private static String extension(String userId) {
    return Phone.extensionOf(admin, userId);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
