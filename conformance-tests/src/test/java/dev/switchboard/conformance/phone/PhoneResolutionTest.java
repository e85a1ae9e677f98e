package dev.switchboard.conformance.phone;

import static dev.switchboard.conformance.phone.Phone.P;
import static dev.switchboard.conformance.phone.Phone.TEMPLATE;
import static dev.switchboard.conformance.support.ScimAssertions.assertJsonBoolean;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static dev.switchboard.conformance.support.ScimAssertions.assertSuccessful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.phone.Phone.Range;
import dev.switchboard.conformance.support.FreshServer;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.Unique;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Phone resolution: licensed when any source demands it; the calling package is the highest rank
 * demanded (equal ranks: the smallest name); the site is the direct one, else the first template by
 * (precedence, name) that names one, else the default site. Unknown names are 400 invalidValue on
 * users and templates; the phone seat pool counts the seats.
 */
class PhoneResolutionTest {

  private static FreshServer server;
  private static FreshServer.Client admin;
  private static FreshServer.Client idp;

  private static String defaultSite;
  private static Range defaultRange;
  private static String local;
  private static String national;
  private static String international;

  @BeforeAll
  static void startServer() {
    server = FreshServer.start(PhoneResolutionTest.class.getSimpleName());
    admin = server.admin();
    idp = server.idp();
    defaultSite = "Default " + Unique.tag();
    defaultRange = Phone.freshRange(200);
    Phone.newSite(admin, defaultSite, defaultRange); // the first site: the default
    String tag = Unique.tag();
    local = "local-" + tag;
    national = "national-" + tag;
    international = "international-" + tag;
    Phone.newPackage(admin, local, 10);
    Phone.newPackage(admin, national, 20);
    Phone.newPackage(admin, international, 30);
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @AfterEach
  void unlimitedPhonePool() {
    Phone.removeCapacity(admin);
  }

  // ---- licensed ----

  @Test
  void everyUserShowsThePhoneExtensionUnlicensedByDefault() {
    String user = Phone.newUser(idp, Unique.userName("plain"));

    JsonNode phone = Phone.assertPhone(admin, user, false, "none");

    assertEquals(null, Phone.extensionOf(phone), phone::toString);
    assertEquals(Set.of(), Phone.sourceKeys(phone), phone::toString);
    Phone.assertPhone(idp, user, false, "none"); // the IdP reads the same
  }

  @Test
  void theDirectLicensedFlagLicensesTheUserAndTakesAPhoneSeat() {
    int used = Phone.inUse(admin);

    String user = Phone.newUser(idp, Unique.userName("direct"), "{\"licensed\": true}");

    JsonNode phone = Phone.assertPhone(admin, user, true, "assigned");
    assertTrue(Phone.sourceKeys(phone).contains("direct:licensed"), phone::toString);
    assertNotNull(Phone.extensionOf(phone), phone::toString);
    Phone.assertPool(admin, used + 1, 0);

    Phone.setPhone(idp, user, "licensed", "false");

    JsonNode after = Phone.assertPhone(admin, user, false, "none");
    assertEquals(null, Phone.extensionOf(after), after::toString);
    Phone.assertPool(admin, used, 0);
  }

  @Test
  void aGroupTemplateWithPhoneLicensesItsMembersEvenAgainstADirectFalse() {
    String groupName = Unique.groupName("Phones");
    String group = Phone.newGroup(idp, groupName);
    Phone.newTemplate(
        admin,
        "Phones " + Unique.tag(),
        Phone.groupById(group),
        Phone.phoneFields(null, null, null));
    String user = Phone.newUser(idp, Unique.userName("member"), "{\"licensed\": false}");

    Phone.addMembers(idp, group, user);

    JsonNode phone = Phone.assertPhone(admin, user, true, "assigned");
    JsonNode source = Json.elementWhere(phone.path("licenseSources"), "value", group);
    assertEquals("group", source.path("type").asText(null), phone::toString);
    assertEquals(groupName, source.path("display").asText(null), phone::toString);
    assertEquals("licensed", source.path("tier").asText(null), phone::toString);
    assertJsonBoolean(false, phone.path("licensed"), "the direct value stays as the IdP set it");

    Phone.removeMembers(idp, group, user);

    Phone.assertPhone(admin, user, false, "none");
  }

  @Test
  void aTemplateWithoutPhoneDoesNotLicenseItsMembers() {
    String group = Phone.newGroup(idp, Unique.groupName("Agents only"));
    Phone.newTemplate(
        admin,
        "Agents only " + Unique.tag(),
        Phone.groupById(group),
        "\"contactCenter\": \"standard\"");
    String user = Phone.newUser(idp, Unique.userName("agent"));

    Phone.addMembers(idp, group, user);

    Phone.assertPhone(admin, user, false, "none");
  }

  // ---- calling package ----

  @Test
  void theHighestRankedPackageWinsWhicheverSourceDemandsIt() {
    String group = Phone.newGroup(idp, Unique.groupName("Travellers"));
    Phone.newTemplate(
        admin,
        "Travellers " + Unique.tag(),
        Phone.groupById(group),
        Phone.phoneFields(null, international, null));
    String user =
        Phone.newUser(
            idp,
            Unique.userName("caller"),
            "{\"licensed\": true, \"callingPackage\": " + Json.quote(local) + "}");
    assertEquals(local, effective(user, "effectiveCallingPackage"));

    Phone.addMembers(idp, group, user);

    JsonNode phone = Phone.assertPhone(admin, user, true, "assigned");
    assertEquals(
        international, phone.path("effectiveCallingPackage").asText(null), phone::toString);
    Set<String> sources = Phone.sourceKeys(phone);
    assertTrue(sources.contains("group:" + group + ":" + international), phone::toString);
    assertTrue(sources.contains("direct:" + local), phone::toString);
    assertEquals(local, phone.path("callingPackage").asText(null), "the direct demand is kept");

    Phone.removeMembers(idp, group, user);
    assertEquals(local, effective(user, "effectiveCallingPackage"));

    // the other way round: the direct demand ranks higher than the template's
    String lowGroup = Phone.newGroup(idp, Unique.groupName("Locals"));
    Phone.newTemplate(
        admin,
        "Locals " + Unique.tag(),
        Phone.groupById(lowGroup),
        Phone.phoneFields(null, national, null));
    Phone.setPhone(idp, user, "callingPackage", Json.quote(international));
    Phone.addMembers(idp, lowGroup, user);
    assertEquals(international, effective(user, "effectiveCallingPackage"));
  }

  @Test
  void equalRanksResolveToTheSmallestPackageName() {
    String tag = Unique.tag();
    String alpha = "alpha-" + tag;
    String bravo = "bravo-" + tag;
    Phone.newPackage(admin, bravo, 25);
    Phone.newPackage(admin, alpha, 25);
    String group = Phone.newGroup(idp, Unique.groupName("Alpha"));
    Phone.newTemplate(
        admin, "Alpha " + tag, Phone.groupById(group), Phone.phoneFields(null, alpha, null));
    String bravoDirect =
        Phone.newUser(
            idp,
            Unique.userName("bravo"),
            "{\"licensed\": true, \"callingPackage\": " + Json.quote(bravo) + "}");
    String bravoGroup = Phone.newGroup(idp, Unique.groupName("Bravo"));
    Phone.newTemplate(
        admin, "Bravo " + tag, Phone.groupById(bravoGroup), Phone.phoneFields(null, bravo, null));
    String alphaDirect =
        Phone.newUser(
            idp,
            Unique.userName("alpha"),
            "{\"licensed\": true, \"callingPackage\": " + Json.quote(alpha) + "}");

    Phone.addMembers(idp, group, bravoDirect);
    Phone.addMembers(idp, bravoGroup, alphaDirect);

    assertEquals(alpha, effective(bravoDirect, "effectiveCallingPackage"));
    assertEquals(alpha, effective(alphaDirect, "effectiveCallingPackage"));
  }

  @Test
  void changingARankResolvesThePackagesUsersAgain() {
    String tag = Unique.tag();
    String basic = "basic-" + tag;
    String plus = "plus-" + tag;
    String basicId = Phone.newPackage(admin, basic, 11);
    Phone.newPackage(admin, plus, 12);
    String group = Phone.newGroup(idp, Unique.groupName("Plus"));
    Phone.newTemplate(
        admin, "Plus " + tag, Phone.groupById(group), Phone.phoneFields(null, plus, null));
    String user =
        Phone.newUser(
            idp,
            Unique.userName("ranked"),
            "{\"licensed\": true, \"callingPackage\": " + Json.quote(basic) + "}");
    Phone.addMembers(idp, group, user);
    assertEquals(plus, effective(user, "effectiveCallingPackage"));

    assertSuccessful(admin.patch("/CallingPackages/" + basicId, Phone.replace("rank", "13")));

    assertEquals(basic, effective(user, "effectiveCallingPackage"));
  }

  // ---- site ----

  @Test
  void theDirectSiteWinsOverEveryTemplate() {
    String direct = "Direct " + Unique.tag();
    Range directRange = Phone.freshRange(20);
    Phone.newSite(admin, direct, directRange);
    String templated = newSite("Templated");
    String group = Phone.newGroup(idp, Unique.groupName("Sited"));
    Phone.newTemplate(
        admin,
        "Sited " + Unique.tag(),
        Phone.groupById(group),
        Phone.phoneFields(templated, null, 1));
    String user = Phone.newUser(idp, Unique.userName("direct-site"), Phone.licensedOn(direct));

    Phone.addMembers(idp, group, user);

    JsonNode phone = Phone.assertPhone(admin, user, true, "assigned");
    assertEquals(direct, phone.path("effectiveSite").asText(null), phone::toString);
    assertTrue(directRange.contains(Phone.extensionOf(phone)), phone::toString);
  }

  @Test
  void theTemplateWithTheLowestPrecedenceNamesTheSite() {
    String fifty = newSite("Fifty");
    String ten = newSite("Ten");
    String g1 = Phone.newGroup(idp, Unique.groupName("P50"));
    String g2 = Phone.newGroup(idp, Unique.groupName("P10"));
    // names chosen so that name order and precedence order disagree
    String tag = Unique.tag();
    Phone.newTemplate(admin, "a50 " + tag, Phone.groupById(g1), Phone.phoneFields(fifty, null, 50));
    String tenTemplate =
        Phone.newTemplate(
            admin, "b10 " + tag, Phone.groupById(g2), Phone.phoneFields(ten, null, 10));
    String user = Phone.newUser(idp, Unique.userName("precedence"));

    Phone.addMembers(idp, g1, user);
    Phone.addMembers(idp, g2, user);

    assertEquals(ten, effective(user, "effectiveSite"));

    Phone.setTemplate(admin, tenTemplate, "precedence", "90");

    assertEquals(fifty, effective(user, "effectiveSite"));
  }

  @Test
  void equalPrecedenceResolvesToTheSmallestTemplateName() {
    String first = newSite("First by name");
    String second = newSite("Second by name");
    String g1 = Phone.newGroup(idp, Unique.groupName("B"));
    String g2 = Phone.newGroup(idp, Unique.groupName("A"));
    String tag = Unique.tag();
    // created in the opposite order of their names; both at the default precedence 100
    Phone.newTemplate(
        admin, "b " + tag, Phone.groupById(g1), Phone.phoneFields(second, null, null));
    Phone.newTemplate(admin, "a " + tag, Phone.groupById(g2), Phone.phoneFields(first, null, null));
    String user = Phone.newUser(idp, Unique.userName("tie"));

    Phone.addMembers(idp, g1, user);
    Phone.addMembers(idp, g2, user);

    assertEquals(first, effective(user, "effectiveSite"));
  }

  @Test
  void aTemplateNamingNoSiteIsSkipped() {
    String sited = newSite("Sited");
    String g1 = Phone.newGroup(idp, Unique.groupName("Siteless"));
    String g2 = Phone.newGroup(idp, Unique.groupName("Sited"));
    Phone.newTemplate(
        admin, "Siteless " + Unique.tag(), Phone.groupById(g1), Phone.phoneFields(null, null, 1));
    Phone.newTemplate(
        admin, "Sited " + Unique.tag(), Phone.groupById(g2), Phone.phoneFields(sited, null, 50));
    String user = Phone.newUser(idp, Unique.userName("skip"));

    Phone.addMembers(idp, g1, user);
    Phone.addMembers(idp, g2, user);

    assertEquals(sited, effective(user, "effectiveSite"));
  }

  @Test
  void withoutAnySiteTheUserIsOnTheDefaultSite() {
    String group = Phone.newGroup(idp, Unique.groupName("Anywhere"));
    Phone.newTemplate(
        admin,
        "Anywhere " + Unique.tag(),
        Phone.groupById(group),
        Phone.phoneFields(null, null, null));
    String viaGroup = Phone.newUser(idp, Unique.userName("via-group"));
    Phone.addMembers(idp, group, viaGroup);
    String direct = Phone.newUser(idp, Unique.userName("direct"), "{\"licensed\": true}");

    for (String user : Set.of(viaGroup, direct)) {
      JsonNode phone = Phone.assertPhone(admin, user, true, "assigned");
      assertEquals(defaultSite, phone.path("effectiveSite").asText(null), phone::toString);
      assertTrue(defaultRange.contains(Phone.extensionOf(phone)), phone::toString);
    }
  }

  // ---- unknown names ----

  @Test
  void anUnknownPackageOrSiteOnAUserIs400InvalidValueAndChangesNothing() {
    String unknown = "no-such-" + Unique.tag();
    assertScimError(
        Phone.postUser(
            idp,
            Unique.userName("bad-package"),
            "{\"licensed\": true, \"callingPackage\": " + Json.quote(unknown) + "}"),
        400,
        "invalidValue");
    assertScimError(
        Phone.postUser(idp, Unique.userName("bad-site"), Phone.licensedOn(unknown)),
        400,
        "invalidValue");

    String user =
        Phone.newUser(
            idp,
            Unique.userName("good"),
            "{\"licensed\": true, \"callingPackage\": " + Json.quote(local) + "}");
    assertScimError(
        Phone.patchPhone(idp, user, "callingPackage", Json.quote(unknown)), 400, "invalidValue");
    assertScimError(Phone.patchPhone(idp, user, "site", Json.quote(unknown)), 400, "invalidValue");

    JsonNode phone = Phone.assertPhone(admin, user, true, "assigned");
    assertEquals(local, phone.path("callingPackage").asText(null), phone::toString);
    assertEquals(defaultSite, phone.path("effectiveSite").asText(null), phone::toString);
  }

  @Test
  void anUnknownPackageOrSiteOnATemplateIs400InvalidValue() {
    String unknown = "no-such-" + Unique.tag();
    String group = Phone.groupByName(Unique.groupName("Unknowns"));
    assertScimError(
        admin.post(
            "/LicenseTemplates",
            Phone.templateJson(
                "Bad site " + Unique.tag(), group, Phone.phoneFields(unknown, null, null))),
        400,
        "invalidValue");
    assertScimError(
        admin.post(
            "/LicenseTemplates",
            Phone.templateJson(
                "Bad package " + Unique.tag(), group, Phone.phoneFields(null, unknown, null))),
        400,
        "invalidValue");

    String template =
        Phone.newTemplate(
            admin, "Good " + Unique.tag(), group, Phone.phoneFields(null, local, null));
    assertScimError(
        admin.patch("/LicenseTemplates/" + template, Phone.replace("site", Json.quote(unknown))),
        400,
        "invalidValue");
    assertScimError(
        admin.patch(
            "/LicenseTemplates/" + template, Phone.replace("callingPackage", Json.quote(unknown))),
        400,
        "invalidValue");
  }

  @Test
  void templatesCarryThePhoneFieldsAndPrecedenceDefaultsTo100() {
    String site = newSite("Echo");
    JsonNode created =
        assertScimJson(
            admin.post(
                "/LicenseTemplates",
                Phone.templateJson(
                    "Echo " + Unique.tag(),
                    Phone.groupByName(Unique.groupName("Echo")),
                    Phone.phoneFields(site, national, null))),
            201);

    assertTrue(created.path("schemas").toString().contains(TEMPLATE), created::toString);
    assertJsonBoolean(true, created.path("phone"), "phone");
    assertEquals(site, created.path("site").asText(null), created::toString);
    assertEquals(national, created.path("callingPackage").asText(null), created::toString);
    assertEquals(100, Phone.intOf(created, "precedence"), created::toString);
  }

  // ---- filters ----

  @Test
  void theEffectiveValuesAreFilterable() {
    String site = newSite("Stockholm");
    String tag = Unique.tag();
    String onlyHere = "here-" + tag;
    Phone.newPackage(admin, onlyHere, 15);
    String a = Phone.newUser(idp, Unique.userName("a"), Phone.licensedOn(site, onlyHere));
    String b = Phone.newUser(idp, Unique.userName("b"), Phone.licensedOn(site));
    String elsewhere = Phone.newUser(idp, Unique.userName("elsewhere"), "{\"licensed\": true}");

    assertEquals(
        Set.of(a, b), Phone.userIdsMatching(admin, P + ":effectiveSite eq " + Json.quote(site)));
    assertEquals(
        Set.of(a),
        Phone.userIdsMatching(admin, P + ":effectiveCallingPackage eq " + Json.quote(onlyHere)));
    Set<String> licensed = Phone.userIdsMatching(admin, P + ":effectiveLicensed eq true");
    assertTrue(licensed.containsAll(Set.of(a, b, elsewhere)), licensed::toString);
  }

  // ---- seats ----

  @Test
  void aFullPhonePoolLeavesTheNextLicensedUserPendingUntilTheCapacityGrows() {
    int used = Phone.inUse(admin);
    Phone.setCapacity(admin, used);

    String user = Phone.newUser(idp, Unique.userName("seatless"), "{\"licensed\": true}");

    Phone.assertPhone(admin, user, true, "pending");
    Phone.assertPool(admin, used, 1);

    Phone.setCapacity(admin, used + 1);

    JsonNode phone = Phone.assertPhone(admin, user, true, "assigned");
    assertNotNull(Phone.extensionOf(phone), phone::toString);
    Phone.assertPool(admin, used + 1, 0);
  }

  // ---- helpers ----

  private static String newSite(String what) {
    String name = what + " " + Unique.tag();
    Phone.newSite(admin, name, Phone.freshRange(20));
    return name;
  }

  private static String effective(String userId, String attribute) {
    JsonNode phone = Phone.assertPhone(admin, userId, true, "assigned");
    return phone.path(attribute).asText(null);
  }
}
