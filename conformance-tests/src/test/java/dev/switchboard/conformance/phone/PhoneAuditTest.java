package dev.switchboard.conformance.phone;

import static dev.switchboard.conformance.phone.Phone.ADMIN_ACTOR;
import static dev.switchboard.conformance.phone.Phone.ASSIGNED;
import static dev.switchboard.conformance.phone.Phone.AUDIT_EVENT;
import static dev.switchboard.conformance.phone.Phone.IDP_ACTOR;
import static dev.switchboard.conformance.phone.Phone.NONE;
import static dev.switchboard.conformance.phone.Phone.PENDING;
import static dev.switchboard.conformance.phone.Phone.SUSPENDED;
import static dev.switchboard.conformance.phone.Phone.assertEvent;
import static dev.switchboard.conformance.phone.Phone.assertReasonContains;
import static dev.switchboard.conformance.phone.Phone.auditEvents;
import static dev.switchboard.conformance.phone.Phone.auditOf;
import static dev.switchboard.conformance.support.ScimAssertions.assertDateTime;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertSuccessful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.phone.Phone.Range;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.FreshServer;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.Unique;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every change of a user's phone license, extension, calling package or direct numbers is an
 * AuditEvent with the product ({@code phone}, {@code extension}, {@code callingPackage}, {@code
 * directNumber}), before and after, the reason and the token's name as actor.
 */
class PhoneAuditTest {

  private static FreshServer server;
  private static FreshServer.Client admin;
  private static FreshServer.Client idp;
  private static String site;
  private static String national;
  private static String international;

  @BeforeAll
  static void startServer() {
    server = FreshServer.start(PhoneAuditTest.class.getSimpleName());
    admin = server.admin();
    idp = server.idp();
    site = "Audited " + Unique.tag();
    Phone.newSite(admin, site, 0, 30, Phone.freshRange(200));
    String tag = Unique.tag();
    national = "national-" + tag;
    international = "international-" + tag;
    Phone.newPackage(admin, national, 20);
    Phone.newPackage(admin, international, 30);
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void joiningAndLeavingAPhoneGroupAreAuditedWithTheGroupNameAndTheIdpAsActor() {
    String groupName = Unique.groupName("Phone Users");
    String group = Phone.newGroup(idp, groupName);
    Phone.newTemplate(
        admin,
        "Phones " + Unique.tag(),
        Phone.groupById(group),
        Phone.phoneFields(site, null, null));
    String userName = Unique.userName("audited");
    String user = Phone.newUser(idp, userName);

    Phone.addMembers(idp, group, user);

    String extension = Phone.extensionOf(admin, user);
    assertNotNull(extension);
    JsonNode licensed = assertEvent(admin, user, "phone", NONE, ASSIGNED);
    assertTrue(Json.texts(licensed.path("schemas")).contains(AUDIT_EVENT), licensed::toString);
    assertFalse(licensed.path("id").asText("").isBlank(), licensed::toString);
    assertEquals(user, licensed.path("user").path("value").asText(null), licensed::toString);
    assertEquals(userName, licensed.path("user").path("display").asText(null), licensed::toString);
    assertEquals(IDP_ACTOR, licensed.path("actor").asText(null), licensed::toString);
    assertDateTime(licensed.path("time"), "time");
    assertReasonContains(licensed, groupName, "added");
    JsonNode numbered = assertEvent(admin, user, "extension", NONE, extension);
    assertEquals(IDP_ACTOR, numbered.path("actor").asText(null), numbered::toString);

    Phone.removeMembers(idp, group, user);

    JsonNode unlicensed = assertEvent(admin, user, "phone", ASSIGNED, NONE);
    assertReasonContains(unlicensed, groupName, "removed");
    assertEquals(IDP_ACTOR, unlicensed.path("actor").asText(null), unlicensed::toString);
    assertEvent(admin, user, "extension", extension, NONE);
  }

  @Test
  void aDirectLicenseNamesTheDirectSourceAtCreationAndInAPatch() {
    String created = Phone.newUser(idp, Unique.userName("direct"), Phone.licensedOn(site));

    assertReasonContains(assertEvent(admin, created, "phone", NONE, ASSIGNED), "direct");

    String patched =
        Phone.newUser(
            idp,
            Unique.userName("patched"),
            "{\"licensed\": false, \"site\": " + Json.quote(site) + "}");
    Phone.setPhone(idp, patched, "licensed", "true");

    JsonNode event = assertEvent(admin, patched, "phone", NONE, ASSIGNED);
    assertReasonContains(event, "direct");
    assertEquals(IDP_ACTOR, event.path("actor").asText(null), event::toString);
  }

  @Test
  void waitingForANumberAndGettingAFreedOneAreAudited() {
    Range range = Phone.freshRange(1);
    String small = "Small " + Unique.tag();
    Phone.newSite(admin, small, 0, 30, range);
    String holder = Phone.newUser(idp, Unique.userName("holder"), Phone.licensedOn(small));
    String waiter = Phone.newUser(idp, Unique.userName("waiter"), Phone.licensedOn(small));

    assertEvent(admin, waiter, "phone", NONE, PENDING);

    Phone.setPhone(idp, holder, "licensed", "false");

    assertEvent(admin, holder, "extension", range.number(0), NONE);
    JsonNode served = assertEvent(admin, waiter, "phone", PENDING, ASSIGNED);
    assertFalse(served.path("reason").asText("").isBlank(), served::toString);
    assertEquals(IDP_ACTOR, served.path("actor").asText(null), served::toString);
    assertEvent(admin, waiter, "extension", NONE, range.number(0));
  }

  @Test
  void deactivationAndReactivationAreAudited() {
    String user = Phone.newUser(idp, Unique.userName("toggled"), Phone.licensedOn(site));

    Phone.deactivateEntra(idp, user);

    assertReasonContains(assertEvent(admin, user, "phone", ASSIGNED, SUSPENDED), "deactivated");

    Phone.reactivateEntra(idp, user);

    assertReasonContains(assertEvent(admin, user, "phone", SUSPENDED, ASSIGNED), "reactivated");
  }

  @Test
  void aTemplatesPackageChangeIsAuditedWithTheTemplateNameAndTheAdminAsActor() {
    String group = Phone.newGroup(idp, Unique.groupName("Callers"));
    String templateName = "Callers " + Unique.tag();
    String template =
        Phone.newTemplate(
            admin, templateName, Phone.groupById(group), Phone.phoneFields(site, national, null));
    String user = Phone.newUser(idp, Unique.userName("caller"));
    Phone.addMembers(idp, group, user);
    JsonNode first = assertEvent(admin, user, "callingPackage", NONE, national);
    assertEquals(IDP_ACTOR, first.path("actor").asText(null), first::toString);
    int phoneEvents = auditOf(admin, user, "phone").size();

    Phone.setTemplate(admin, template, "callingPackage", Json.quote(international));

    JsonNode changed = assertEvent(admin, user, "callingPackage", national, international);
    assertReasonContains(changed, "template", templateName);
    assertEquals(ADMIN_ACTOR, changed.path("actor").asText(null), changed::toString);
    assertEquals(
        phoneEvents,
        auditOf(admin, user, "phone").size(),
        "a package change does not change the phone license");
  }

  @Test
  void directNumberAssignmentAndReleaseAreAudited() {
    String did = Phone.freshE164();
    Phone.newNumber(admin, did, site);
    String user = Phone.newUser(idp, Unique.userName("did"), Phone.licensedOn(site, national));
    assertEvent(admin, user, "callingPackage", NONE, national);

    assertSuccessful(Phone.patchDirectNumbers(idp, user, did));

    JsonNode assigned =
        assertEvent(
            admin,
            user,
            "directNumber none → " + did,
            e ->
                "directNumber".equals(e.path("product").asText(null))
                    && NONE.equals(e.path("before").asText(null))
                    && e.path("after").asText("").contains(did));
    assertEquals(IDP_ACTOR, assigned.path("actor").asText(null), assigned::toString);

    Phone.removePhone(idp, user, "callingPackage");

    assertEvent(admin, user, "callingPackage", national, NONE);
    assertEvent(
        admin,
        user,
        "directNumber " + did + " → none",
        e ->
            "directNumber".equals(e.path("product").asText(null))
                && e.path("before").asText("").contains(did)
                && NONE.equals(e.path("after").asText(null)));
  }

  @Test
  void deletingALicensedUserAuditsTheReleasesAndItsEventsStayReadable() {
    String user = Phone.newUser(idp, Unique.userName("deleted"), Phone.licensedOn(site));
    String extension = Phone.extensionOf(admin, user);
    assertNotNull(extension);

    Phone.deleteUser(idp, user);

    assertEvent(admin, user, "phone", NONE, ASSIGNED);
    assertEvent(admin, user, "phone", ASSIGNED, NONE);
    assertEvent(admin, user, "extension", NONE, extension);
    assertEvent(admin, user, "extension", extension, NONE);
  }

  @Test
  void aWriteThatChangesNoNumberWritesNoEventAndARefusedOneNeither() {
    String holder = Phone.newUser(idp, Unique.userName("holder"), Phone.licensedOn(site));
    String taken = Phone.extensionOf(admin, holder);
    String user = Phone.newUser(idp, Unique.userName("quiet"), Phone.licensedOn(site));
    int before = auditOf(admin, user).size();

    assertSuccessful(
        idp.patch(
            "/Users/" + user,
            Fixtures.patch(
                """
                {"op": "Replace", "path": "displayName", "value": "Quiet One"}
                """)));
    assertScimError(
        Phone.patchPhone(idp, user, "extensionNumber", Json.quote(taken)), 409, "uniqueness");
    assertScimError(
        Phone.patchPhone(idp, user, "site", Json.quote("Nowhere " + Unique.tag())),
        400,
        "invalidValue");
    assertScimError(Phone.patchDirectNumbers(idp, user, Phone.freshE164()), 400, "invalidValue");

    assertEquals(before, auditOf(admin, user).size(), () -> "events: " + auditOf(admin, user));
  }

  @Test
  void eventsAreFilterableByTheFourPhoneProducts() {
    String did = Phone.freshE164();
    Phone.newNumber(admin, did, site);
    String user = Phone.newUser(idp, Unique.userName("filtered"), Phone.licensedOn(site, national));
    assertSuccessful(Phone.patchDirectNumbers(idp, user, did));

    for (String product : List.of("phone", "extension", "callingPackage", "directNumber")) {
      List<JsonNode> events = auditEvents(admin, "product eq " + Json.quote(product));
      events.forEach(e -> assertEquals(product, e.path("product").asText(null), e::toString));
      List<JsonNode> mine = auditOf(admin, user, product);
      assertFalse(mine.isEmpty(), () -> "the user has " + product + " events");
      assertTrue(ids(events).containsAll(ids(mine)), product);
    }
  }

  private static Set<String> ids(List<JsonNode> events) {
    Set<String> ids = new TreeSet<>();
    events.forEach(e -> ids.add(e.path("id").asText()));
    return ids;
  }
}
