package dev.switchboard.conformance.phone;

import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertSuccessful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.FreshServer;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.ScimResponse;
import dev.switchboard.conformance.support.Unique;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Direct numbers (DIDs): only from the inventory (else 400), only for a user with an effective
 * calling package (else 400), never someone else's (409); losing the calling package or the phone
 * license releases them, back to {@code unassigned} or, on a site with a cooldown, {@code
 * cooldown}.
 */
class DirectNumbersTest {

  private static FreshServer server;
  private static FreshServer.Client admin;
  private static FreshServer.Client idp;

  /** The default site, cooldown 0. */
  private static String site;

  /** A site with a 7-day cooldown. */
  private static String coolSite;

  private static String local;
  private static String national;

  @BeforeAll
  static void startServer() {
    server = FreshServer.start(DirectNumbersTest.class.getSimpleName());
    admin = server.admin();
    idp = server.idp();
    site = "Direct " + Unique.tag();
    Phone.newSite(admin, site, 0, 30, Phone.freshRange(200));
    coolSite = "Cool " + Unique.tag();
    Phone.newSite(admin, coolSite, 7, 30, Phone.freshRange(100));
    String tag = Unique.tag();
    local = "local-" + tag;
    national = "national-" + tag;
    Phone.newPackage(admin, local, 10);
    Phone.newPackage(admin, national, 20);
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void numbersFromTheInventoryAreAssignedToAUserWithACallingPackage() {
    String first = Phone.freshE164();
    String second = Phone.freshE164();
    String firstId = Phone.newNumber(admin, first, site);
    String secondId = Phone.newNumber(admin, second, site);
    String userName = Unique.userName("did");

    // at creation …
    String user =
        Phone.newUser(
            idp,
            userName,
            "{\"licensed\": true, \"site\": %s, \"callingPackage\": %s, \"directNumbers\": [%s]}"
                .formatted(Json.quote(site), Json.quote(local), Json.quote(first)));

    assertEquals(List.of(first), directNumbers(user));
    JsonNode assigned = Phone.assertNumber(admin, firstId, "assigned", user);
    assertEquals(
        userName, assigned.path("assignedTo").path("display").asText(null), assigned::toString);

    // … and by Entra's PATCH
    setNumbers(user, first, second);

    assertEquals(Set.of(first, second), new TreeSet<>(directNumbers(user)));
    Phone.assertNumber(admin, firstId, "assigned", user);
    Phone.assertNumber(admin, secondId, "assigned", user);
  }

  @Test
  void aNumberOutsideTheInventoryIs400InvalidValueAndChangesNothing() {
    String known = Phone.freshE164();
    Phone.newNumber(admin, known, site);
    String unknown = Phone.freshE164();
    String user = caller(local);
    setNumbers(user, known);

    assertScimError(patchNumbers(user, known, unknown), 400, "invalidValue");
    assertScimError(
        Phone.postUser(
            idp,
            Unique.userName("unknown-did"),
            "{\"licensed\": true, \"callingPackage\": %s, \"directNumbers\": [%s]}"
                .formatted(Json.quote(local), Json.quote(unknown))),
        400,
        "invalidValue");

    assertEquals(List.of(known), directNumbers(user));
  }

  @Test
  void aUserWithoutAnEffectiveCallingPackageCannotHaveDirectNumbers() {
    String number = Phone.freshE164();
    String numberId = Phone.newNumber(admin, number, site);
    String user = Phone.newUser(idp, Unique.userName("packageless"), Phone.licensedOn(site));

    assertScimError(patchNumbers(user, number), 400, "invalidValue");

    assertEquals(List.of(), directNumbers(user));
    Phone.assertNumber(admin, numberId, "unassigned", null);
  }

  @Test
  void aNumberAssignedToSomeoneElseIs409Uniqueness() {
    String number = Phone.freshE164();
    String numberId = Phone.newNumber(admin, number, site);
    String owner = caller(local);
    setNumbers(owner, number);
    String other = caller(local);

    assertScimError(patchNumbers(other, number), 409, "uniqueness");

    assertEquals(List.of(), directNumbers(other));
    assertEquals(List.of(number), directNumbers(owner));
    Phone.assertNumber(admin, numberId, "assigned", owner);
  }

  @Test
  void droppingANumberFromTheUserUnassignsIt() {
    String kept = Phone.freshE164();
    String dropped = Phone.freshE164();
    String keptId = Phone.newNumber(admin, kept, site);
    String droppedId = Phone.newNumber(admin, dropped, site);
    String user = caller(local);
    setNumbers(user, kept, dropped);

    setNumbers(user, kept);

    assertEquals(List.of(kept), directNumbers(user));
    Phone.assertNumber(admin, keptId, "assigned", user);
    Phone.assertNumber(admin, droppedId, "unassigned", null);
  }

  // ---- losing the package or the license ----

  @Test
  void removingTheCallingPackageReleasesTheDirectNumbers() {
    String number = Phone.freshE164();
    String numberId = Phone.newNumber(admin, number, site);
    String user = caller(local);
    setNumbers(user, number);

    Phone.removePhone(idp, user, "callingPackage");

    JsonNode phone = Phone.assertPhone(admin, user, true, "assigned");
    assertEquals(List.of(), Phone.directNumbersOf(phone), phone::toString);
    Phone.assertNumber(admin, numberId, "unassigned", null);
  }

  @Test
  void losingThePhoneLicenseReleasesTheDirectNumbers() {
    String number = Phone.freshE164();
    String numberId = Phone.newNumber(admin, number, site);
    String user = caller(local);
    setNumbers(user, number);

    Phone.setPhone(idp, user, "licensed", "false");

    JsonNode phone = Phone.assertPhone(admin, user, false, "none");
    assertEquals(List.of(), Phone.directNumbersOf(phone), phone::toString);
    Phone.assertNumber(admin, numberId, "unassigned", null);
  }

  @Test
  void leavingTheGroupThatGaveThePackageReleasesTheDirectNumbers() {
    String number = Phone.freshE164();
    String numberId = Phone.newNumber(admin, number, site);
    String group = Phone.newGroup(idp, Unique.groupName("Dialers"));
    Phone.newTemplate(
        admin,
        "Dialers " + Unique.tag(),
        Phone.groupById(group),
        Phone.phoneFields(site, national, null));
    String user = Phone.newUser(idp, Unique.userName("dialer"));
    Phone.addMembers(idp, group, user);
    setNumbers(user, number);
    Phone.assertNumber(admin, numberId, "assigned", user);

    Phone.removeMembers(idp, group, user);

    assertEquals(List.of(), Phone.directNumbersOf(Phone.phone(admin, user)));
    Phone.assertNumber(admin, numberId, "unassigned", null);
  }

  @Test
  void aPackageFromAnotherSourceKeepsTheDirectNumbers() {
    String number = Phone.freshE164();
    String numberId = Phone.newNumber(admin, number, site);
    String group = Phone.newGroup(idp, Unique.groupName("Nationals"));
    Phone.newTemplate(
        admin,
        "Nationals " + Unique.tag(),
        Phone.groupById(group),
        Phone.phoneFields(null, national, null));
    String user = caller(local);
    Phone.addMembers(idp, group, user);
    setNumbers(user, number);

    Phone.removeMembers(idp, group, user);

    JsonNode phone = Phone.assertPhone(admin, user, true, "assigned");
    assertEquals(local, phone.path("effectiveCallingPackage").asText(null), phone::toString);
    assertEquals(List.of(number), Phone.directNumbersOf(phone), phone::toString);
    Phone.assertNumber(admin, numberId, "assigned", user);
  }

  // ---- after the release ----

  @Test
  void aReleasedNumberIsFreeForAnotherUserAtOnceWithoutACooldown() {
    String number = Phone.freshE164();
    String numberId = Phone.newNumber(admin, number, site);
    String first = caller(local);
    setNumbers(first, number);
    Phone.removePhone(idp, first, "callingPackage");
    String second = caller(local);

    setNumbers(second, number);

    Phone.assertNumber(admin, numberId, "assigned", second);
  }

  @Test
  void aReleasedNumberOfASiteWithACooldownCoolsDownAndIsNotAssignable() {
    String number = Phone.freshE164();
    String numberId = Phone.newNumber(admin, number, coolSite);
    String first = caller(local);
    setNumbers(first, number);

    Phone.setPhone(idp, first, "licensed", "false");

    Phone.assertNumber(admin, numberId, "cooldown", null);
    String second = caller(local);
    ScimResponse refused = patchNumbers(second, number);
    assertTrue(
        refused.status() >= 400 && refused.status() < 500,
        () -> "a cooling-down number is given to no one: " + refused.describe());
    assertEquals(List.of(), directNumbers(second));
    Phone.assertNumber(admin, numberId, "cooldown", null);
  }

  // ---- helpers ----

  /** A user licensed directly on {@link #site} with this calling package. */
  private static String caller(String packageName) {
    return Phone.newUser(idp, Unique.userName("caller"), Phone.licensedOn(site, packageName));
  }

  private static ScimResponse patchNumbers(String userId, String... numbers) {
    return Phone.patchDirectNumbers(idp, userId, numbers);
  }

  private static void setNumbers(String userId, String... numbers) {
    assertSuccessful(patchNumbers(userId, numbers));
  }

  private static List<String> directNumbers(String userId) {
    return Phone.directNumbersOf(Phone.phone(admin, userId));
  }
}
