package dev.switchboard.conformance.phone;

import static dev.switchboard.conformance.support.ScimAssertions.assertJsonBoolean;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertSuccessful;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.phone.Phone.Range;
import dev.switchboard.conformance.support.FreshServer;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.ScimResponse;
import dev.switchboard.conformance.support.Unique;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Leavers and returners: deactivation (Entra, Okta) releases the phone seat at once and holds the
 * extension and direct numbers for the site's {@code holdDays}; reactivation within the hold gives
 * the same numbers back; with {@code holdDays} 0 they are released at deactivation; DELETE releases
 * everything at once; an explicit extension survives site and template changes.
 */
class PhoneLifecycleTest {

  private static FreshServer server;
  private static FreshServer.Client admin;
  private static FreshServer.Client idp;
  private static String local;

  /** A site made for one test: its name and its one range (cooldown 0). */
  private record Site(String name, Range range) {}

  @BeforeAll
  static void startServer() {
    server = FreshServer.start(PhoneLifecycleTest.class.getSimpleName());
    admin = server.admin();
    idp = server.idp();
    Phone.newSite(admin, "Default " + Unique.tag(), Phone.freshRange(100));
    local = "local-" + Unique.tag();
    Phone.newPackage(admin, local, 10);
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  // ---- the hold ----

  @Test
  void entraDeactivationHoldsTheNumbersAndReleasesTheSeatAndReactivationGivesThemBack() {
    Site site = site(30, 10);
    String did = Phone.freshE164();
    String didId = Phone.newNumber(admin, did, site.name());
    String user = caller(site);
    setNumbers(user, did);
    String extension = site.range().number(0);
    Phone.assertExtension(admin, user, extension);
    int used = Phone.inUse(admin);

    Phone.deactivateEntra(idp, user);

    JsonNode resource = Phone.getUser(admin, user);
    assertJsonBoolean(false, resource.path("active"), "active");
    JsonNode held = Phone.assertPhone(admin, user, true, "suspended");
    assertEquals(extension, Phone.extensionOf(held), "the held extension is still shown");
    assertEquals(List.of(did), Phone.directNumbersOf(held), held::toString);
    assertEquals("held", Phone.getNumber(admin, didId).path("state").asText(null));
    Phone.assertPool(admin, used - 1, 0);

    // nobody else gets the held numbers
    assertScimError(
        Phone.postUser(
            idp, Unique.userName("grabber"), Phone.licensedWithExtension(site.name(), extension)),
        409,
        "uniqueness");
    String next = caller(site);
    Phone.assertExtension(admin, next, site.range().number(1));
    ScimResponse grab = patchNumbers(next, did);
    assertEquals(
        409, grab.status(), () -> "a held direct number is no one else's: " + grab.describe());

    Phone.reactivateEntra(idp, user);

    JsonNode back = Phone.assertPhone(admin, user, true, "assigned");
    assertEquals(extension, Phone.extensionOf(back), back::toString);
    assertEquals(List.of(did), Phone.directNumbersOf(back), back::toString);
    Phone.assertNumber(admin, didId, "assigned", user);
    Phone.assertPool(admin, used + 1, 0); // the user again, and next
  }

  @Test
  void oktaDeactivationAndReactivationGiveAnExplicitExtensionBackUnchanged() {
    Site site = site(30, 10);
    String extension = site.range().number(5);
    String user =
        Phone.newUser(
            idp, Unique.userName("okta"), Phone.licensedWithExtension(site.name(), extension));

    Phone.deactivateOkta(idp, user);

    JsonNode held = Phone.assertPhone(admin, user, true, "suspended");
    assertEquals(extension, Phone.extensionOf(held), held::toString);

    Phone.reactivateOkta(idp, user);

    JsonNode back = Phone.assertPhone(admin, user, true, "assigned");
    assertEquals(extension, Phone.extensionOf(back), back::toString);
  }

  @Test
  void aHeldNumberDoesNotGoToAUserWaitingForOne() {
    Site site = site(30, 1);
    String holder = licensed(site, "holder");
    String waiting = licensed(site, "waiting");
    Phone.assertPhone(admin, waiting, true, "pending");

    Phone.deactivateEntra(idp, holder);

    Phone.assertPhone(admin, holder, true, "suspended");
    JsonNode stillWaiting = Phone.assertPhone(admin, waiting, true, "pending");
    assertEquals(null, Phone.extensionOf(stillWaiting), stillWaiting::toString);

    Phone.deleteUser(idp, holder);

    Phone.assertPhone(admin, waiting, true, "assigned");
    Phone.assertExtension(admin, waiting, site.range().number(0));
  }

  @Test
  void withHoldDaysZeroDeactivationReleasesTheNumbersAndReactivationTakesTheLowestFree() {
    Site site = site(0, 10);
    String did = Phone.freshE164();
    String didId = Phone.newNumber(admin, did, site.name());
    String leaver = caller(site);
    setNumbers(leaver, did);
    String stayer = licensed(site, "stayer");
    Phone.assertExtension(admin, leaver, site.range().number(0));
    Phone.assertExtension(admin, stayer, site.range().number(1));

    Phone.deactivateEntra(idp, leaver);

    JsonNode released = Phone.assertPhone(admin, leaver, true, "suspended");
    assertEquals(null, Phone.extensionOf(released), released::toString);
    assertEquals(List.of(), Phone.directNumbersOf(released), released::toString);
    Phone.assertNumber(admin, didId, "unassigned", null);
    String newcomer = licensed(site, "newcomer");
    Phone.assertExtension(admin, newcomer, site.range().number(0));

    Phone.reactivateEntra(idp, leaver);

    JsonNode back = Phone.assertPhone(admin, leaver, true, "assigned");
    assertEquals(site.range().number(2), Phone.extensionOf(back), back::toString);
    assertEquals(List.of(), Phone.directNumbersOf(back), back::toString);
  }

  // ---- delete ----

  @Test
  void deleteReleasesTheExtensionAndTheDirectNumbersAtOnce() {
    Site site = site(30, 10);
    String did = Phone.freshE164();
    String didId = Phone.newNumber(admin, did, site.name());
    String doomed = caller(site);
    setNumbers(doomed, did);
    int used = Phone.inUse(admin);

    Phone.deleteUser(idp, doomed);

    Phone.assertNumber(admin, didId, "unassigned", null);
    Phone.assertPool(admin, used - 1, 0);
    String heir = caller(site);
    Phone.assertExtension(admin, heir, site.range().number(0));
    setNumbers(heir, did);
    Phone.assertNumber(admin, didId, "assigned", heir);
  }

  @Test
  void deletingADeactivatedUserReleasesItsHeldNumbers() {
    Site site = site(30, 10);
    String did = Phone.freshE164();
    String didId = Phone.newNumber(admin, did, site.name());
    String user = caller(site);
    setNumbers(user, did);
    Phone.deactivateOkta(idp, user);
    assertEquals("held", Phone.getNumber(admin, didId).path("state").asText(null));

    Phone.deleteUser(idp, user);

    Phone.assertNumber(admin, didId, "unassigned", null);
    String next = licensed(site, "next");
    Phone.assertExtension(admin, next, site.range().number(0));
  }

  // ---- explicit extensions are the user's ----

  @Test
  void anExplicitExtensionSurvivesADirectSiteChange() {
    Site from = site(30, 10);
    Site to = site(30, 10);
    String extension = from.range().number(5);
    String user =
        Phone.newUser(
            idp, Unique.userName("mover"), Phone.licensedWithExtension(from.name(), extension));

    Phone.setPhone(idp, user, "site", Json.quote(to.name()));

    JsonNode phone = Phone.assertPhone(admin, user, true, "assigned");
    assertEquals(to.name(), phone.path("effectiveSite").asText(null), phone::toString);
    assertEquals(extension, Phone.extensionOf(phone), phone::toString);
    assertScimError(
        Phone.postUser(
            idp, Unique.userName("grabber"), Phone.licensedWithExtension(from.name(), extension)),
        409,
        "uniqueness");
  }

  @Test
  void anExplicitExtensionSurvivesTemplateChanges() {
    Site first = site(30, 10);
    Site second = site(30, 10);
    Site third = site(30, 10);
    String group = Phone.newGroup(idp, Unique.groupName("Movers"));
    String template =
        Phone.newTemplate(
            admin,
            "Movers " + Unique.tag(),
            Phone.groupById(group),
            Phone.phoneFields(first.name(), null, 50));
    String user = Phone.newUser(idp, Unique.userName("member"));
    Phone.addMembers(idp, group, user);
    String extension = first.range().number(7);
    Phone.setPhone(idp, user, "extensionNumber", Json.quote(extension));
    Phone.assertExtension(admin, user, extension);

    Phone.setTemplate(admin, template, "site", Json.quote(second.name()));

    JsonNode moved = Phone.assertPhone(admin, user, true, "assigned");
    assertEquals(second.name(), moved.path("effectiveSite").asText(null), moved::toString);
    assertEquals(extension, Phone.extensionOf(moved), moved::toString);

    String urgent = Phone.newGroup(idp, Unique.groupName("Urgent"));
    Phone.newTemplate(
        admin,
        "Urgent " + Unique.tag(),
        Phone.groupById(urgent),
        Phone.phoneFields(third.name(), null, 1));
    Phone.addMembers(idp, urgent, user);

    JsonNode again = Phone.assertPhone(admin, user, true, "assigned");
    assertEquals(third.name(), again.path("effectiveSite").asText(null), again::toString);
    assertEquals(extension, Phone.extensionOf(again), again::toString);
  }

  // ---- helpers ----

  /** A new site with a fresh range of {@code size} numbers, cooldown 0 and this hold. */
  private static Site site(int holdDays, int size) {
    String name = "Site " + Unique.tag();
    Range range = Phone.freshRange(size);
    Phone.newSite(admin, name, 0, holdDays, range);
    return new Site(name, range);
  }

  /** A user licensed directly on the site. */
  private static String licensed(Site site, String who) {
    return Phone.newUser(idp, Unique.userName(who), Phone.licensedOn(site.name()));
  }

  /** A user licensed directly on the site with the local calling package. */
  private static String caller(Site site) {
    return Phone.newUser(idp, Unique.userName("caller"), Phone.licensedOn(site.name(), local));
  }

  private static ScimResponse patchNumbers(String userId, String... numbers) {
    return Phone.patchDirectNumbers(idp, userId, numbers);
  }

  private static void setNumbers(String userId, String... numbers) {
    assertSuccessful(patchNumbers(userId, numbers));
  }
}
