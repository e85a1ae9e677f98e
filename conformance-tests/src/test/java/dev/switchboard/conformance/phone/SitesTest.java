package dev.switchboard.conformance.phone;

import static dev.switchboard.conformance.phone.Phone.SITE;
import static dev.switchboard.conformance.support.ScimAssertions.assertJsonBoolean;
import static dev.switchboard.conformance.support.ScimAssertions.assertListResponse;
import static dev.switchboard.conformance.support.ScimAssertions.assertNoContent;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static dev.switchboard.conformance.support.ScimAssertions.assertSuccessful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.phone.Phone.Range;
import dev.switchboard.conformance.support.FreshServer;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.Query;
import dev.switchboard.conformance.support.ScimResponse;
import dev.switchboard.conformance.support.Unique;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /Sites}: the admin resource with its defaults, the one default site (the first created,
 * moved by {@code isDefault}), validated and non-overlapping extension ranges, unique names, and
 * deletion refused while a user or a number is on the site.
 */
class SitesTest {

  private static FreshServer server;
  private static FreshServer.Client admin;
  private static FreshServer.Client idp;

  /** The answer to the very first POST /Sites of this server, made before any test. */
  private static ScimResponse firstSiteAnswer;

  private static String firstSiteName;
  private static Range firstSiteRange;

  @BeforeAll
  static void startServerAndCreateTheFirstSite() {
    server = FreshServer.start(SitesTest.class.getSimpleName());
    admin = server.admin();
    idp = server.idp();
    firstSiteName = "First " + Unique.tag();
    firstSiteRange = Phone.freshRange(100);
    firstSiteAnswer = admin.post("/Sites", Phone.siteJson(firstSiteName, firstSiteRange));
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  // ---- the resource and its defaults ----

  @Test
  void theFirstSiteCreatedIsTheDefaultWithCooldownZeroAndHoldThirtyDays() {
    JsonNode created = assertScimJson(firstSiteAnswer, 201);

    String id = created.path("id").asText("");
    assertFalse(id.isBlank(), created::toString);
    assertTrue(Json.texts(created.path("schemas")).contains(SITE), created::toString);
    assertEquals(firstSiteName, created.path("name").asText(null), created::toString);
    assertJsonBoolean(true, created.path("isDefault"), "isDefault of the first site");
    assertEquals(0, Phone.intOf(created, "extensionCooldownDays"), created::toString);
    assertEquals(30, Phone.intOf(created, "holdDays"), created::toString);
    assertEquals(1, created.path("extensionRanges").size(), created::toString);
    assertEquals(
        firstSiteRange.from(),
        created.path("extensionRanges").path(0).path("from").asText(null),
        created::toString);
    assertEquals(
        firstSiteRange.to(),
        created.path("extensionRanges").path(0).path("to").asText(null),
        created::toString);

    JsonNode fetched = Phone.getSite(admin, id);
    assertEquals(firstSiteName, fetched.path("name").asText(null));
    assertEquals("Site", fetched.path("meta").path("resourceType").asText(null), fetched::toString);
    assertEquals(30, Phone.intOf(fetched, "holdDays"), fetched::toString);
  }

  @Test
  void aLaterSiteIsNotTheDefaultAndKeepsTheDaysAndRangesGiven() {
    String name = "Later " + Unique.tag();
    Range low = Phone.freshRange(50);
    Range high = Phone.freshRange(20);

    JsonNode created =
        assertScimJson(admin.post("/Sites", Phone.siteJson(name, 7, 14, low, high)), 201);

    assertJsonBoolean(false, created.path("isDefault"), "isDefault of a later site");
    assertEquals(7, Phone.intOf(created, "extensionCooldownDays"), created::toString);
    assertEquals(14, Phone.intOf(created, "holdDays"), created::toString);
    assertEquals(
        Set.of(low.from() + "-" + low.to(), high.from() + "-" + high.to()),
        ranges(created),
        created::toString);

    JsonNode fetched = Phone.getSite(admin, created.path("id").asText());
    assertEquals(ranges(created), ranges(fetched), fetched::toString);
    assertJsonBoolean(false, fetched.path("isDefault"), "isDefault");
  }

  @Test
  void sitesAreFilterableByName() {
    String name = "Filtered " + Unique.tag();
    String id = Phone.newSite(admin, name, Phone.freshRange(10));

    JsonNode list =
        assertListResponse(admin.get("/Sites" + Query.filter("name eq " + Json.quote(name))));

    assertEquals(1, list.path("totalResults").asInt(), list::toString);
    assertEquals(id, list.path("Resources").path(0).path("id").asText(null), list::toString);
  }

  // ---- the default site ----

  @Test
  void settingIsDefaultOnAnotherSiteMovesTheDefault() {
    String before = Phone.assertOneDefault(admin).path("id").asText();
    String other = Phone.newSite(admin, "Other " + Unique.tag(), Phone.freshRange(10));

    assertSuccessful(Phone.patchSite(admin, other, "isDefault", "true"));

    assertJsonBoolean(true, Phone.getSite(admin, other).path("isDefault"), "the new default");
    assertJsonBoolean(false, Phone.getSite(admin, before).path("isDefault"), "the old default");
    assertEquals(other, Phone.assertOneDefault(admin).path("id").asText());

    // and back, by a PUT of the whole old default
    JsonNode old = Phone.getSite(admin, before);
    assertScimJson(
        admin.put(
            "/Sites/" + before,
            """
            {"schemas": ["%s"], "name": %s, "extensionRanges": %s,
             "extensionCooldownDays": %d, "holdDays": %d, "isDefault": true}
            """
                .formatted(
                    SITE,
                    Json.quote(old.path("name").asText()),
                    old.path("extensionRanges").toString(),
                    Phone.intOf(old, "extensionCooldownDays"),
                    Phone.intOf(old, "holdDays"))),
        200);

    assertEquals(before, Phone.assertOneDefault(admin).path("id").asText());
    assertJsonBoolean(false, Phone.getSite(admin, other).path("isDefault"), "no longer default");
  }

  @Test
  void thereIsAlwaysExactlyOneDefaultSite() {
    String current = Phone.assertOneDefault(admin).path("id").asText();

    // Whatever the server answers to un-defaulting the only default, one default remains.
    Phone.patchSite(admin, current, "isDefault", "false");
    Phone.assertOneDefault(admin);

    // Deleting an unused default (refused or not) leaves exactly one default among the rest.
    String doomed = Phone.newSite(admin, "Doomed default " + Unique.tag(), Phone.freshRange(10));
    assertSuccessful(Phone.patchSite(admin, doomed, "isDefault", "true"));
    assertEquals(doomed, Phone.assertOneDefault(admin).path("id").asText());

    admin.delete("/Sites/" + doomed);

    Phone.assertOneDefault(admin);
  }

  // ---- validation ----

  @Test
  void siteNamesAreUniqueIgnoringCase() {
    String name = "Unique " + Unique.tag();
    Phone.newSite(admin, name, Phone.freshRange(10));

    assertScimError(
        admin.post("/Sites", Phone.siteJson(name.toUpperCase(Locale.ROOT), Phone.freshRange(10))),
        409,
        "uniqueness");
  }

  @Test
  void aSiteWithoutANameIs400() {
    assertScimError(
        admin.post(
            "/Sites",
            """
            {"schemas": ["%s"], "extensionRanges": [%s]}
            """
                .formatted(SITE, Phone.freshRange(10).json())),
        400);
  }

  @Test
  void malformedRangesAre400InvalidValueAndCreateNothing() {
    Range spare = Phone.freshRange(100);
    String reversed = range(spare.number(50), spare.number(10));
    String unequalLength = range(spare.from().substring(1), spare.number(20));
    String notDigits = range(spare.from().substring(0, 3) + "ab", spare.number(20));
    String signed = range("-" + spare.from(), spare.number(20));

    for (String bad : Set.of(reversed, unequalLength, notDigits, signed)) {
      String name = "Bad range " + Unique.tag();
      assertScimError(
          admin.post(
              "/Sites",
              """
              {"schemas": ["%s"], "name": %s, "extensionRanges": [%s]}
              """
                  .formatted(SITE, Json.quote(name), bad)),
          400,
          "invalidValue");
      assertEquals(
          0,
          assertListResponse(admin.get("/Sites" + Query.filter("name eq " + Json.quote(name))))
              .path("totalResults")
              .asInt(),
          () -> "a refused site must not exist: " + bad);
    }
  }

  @Test
  void aRangeOverlappingAnotherSitesRangeIs400InvalidValue() {
    Range taken = Phone.freshRange(100);
    Phone.newSite(admin, "Owner " + Unique.tag(), new Range(taken.first(), taken.first() + 49));
    Range overlapping = new Range(taken.first() + 40, taken.first() + 59);

    assertScimError(
        admin.post("/Sites", Phone.siteJson("Overlapper " + Unique.tag(), overlapping)),
        400,
        "invalidValue");

    // a neighbour that only touches is fine; moving its range onto the owner's is not
    Range neighbour = new Range(taken.first() + 50, taken.first() + 99);
    String neighbourId = Phone.newSite(admin, "Neighbour " + Unique.tag(), neighbour);

    assertScimError(
        Phone.patchSite(admin, neighbourId, "extensionRanges", "[" + overlapping.json() + "]"),
        400,
        "invalidValue");
    assertEquals(
        Set.of(neighbour.from() + "-" + neighbour.to()),
        ranges(Phone.getSite(admin, neighbourId)),
        "a refused PATCH changes nothing");
  }

  // ---- writes ----

  @Test
  void putReplacesASiteAndPatchChangesOneAttribute() {
    String id = Phone.newSite(admin, "Replaced " + Unique.tag(), Phone.freshRange(10));
    String newName = "Replacement " + Unique.tag();
    Range newRange = Phone.freshRange(30);

    JsonNode put =
        assertScimJson(admin.put("/Sites/" + id, Phone.siteJson(newName, 3, 60, newRange)), 200);

    assertEquals(newName, put.path("name").asText(null), put::toString);
    assertEquals(3, Phone.intOf(put, "extensionCooldownDays"), put::toString);
    assertEquals(60, Phone.intOf(put, "holdDays"), put::toString);
    assertEquals(Set.of(newRange.from() + "-" + newRange.to()), ranges(put), put::toString);

    assertSuccessful(Phone.patchSite(admin, id, "holdDays", "0"));

    JsonNode patched = Phone.getSite(admin, id);
    assertEquals(0, Phone.intOf(patched, "holdDays"), patched::toString);
    assertEquals(3, Phone.intOf(patched, "extensionCooldownDays"), patched::toString);
    assertEquals(newName, patched.path("name").asText(null), patched::toString);
  }

  // ---- deletion ----

  @Test
  void deletingAnUnusedSiteIs204AndTheSiteIsGone() {
    String id = Phone.newSite(admin, "Unused " + Unique.tag(), Phone.freshRange(10));

    assertNoContent(admin.delete("/Sites/" + id));

    assertScimError(admin.get("/Sites/" + id), 404);
  }

  @Test
  void deletingASiteAUserIsOnIs409UntilTheUserIsGone() {
    String name = "Occupied " + Unique.tag();
    String id = Phone.newSite(admin, name, Phone.freshRange(10));
    String user = Phone.newUser(idp, Unique.userName("resident"), Phone.licensedOn(name));

    assertScimError(admin.delete("/Sites/" + id), 409);
    assertEquals(name, Phone.getSite(admin, id).path("name").asText(null));

    Phone.deleteUser(idp, user);

    assertNoContent(admin.delete("/Sites/" + id));
  }

  @Test
  void deletingASiteANumberBelongsToIs409() {
    String name = "Numbered " + Unique.tag();
    String id = Phone.newSite(admin, name, Phone.freshRange(10));
    Phone.newNumber(admin, Phone.freshE164(), name);

    assertScimError(admin.delete("/Sites/" + id), 409);

    assertEquals(name, Phone.getSite(admin, id).path("name").asText(null));
  }

  // ---- scope ----

  @Test
  void sitesAreAdminOnly() {
    assertScimError(idp.get("/Sites"), 403);
    assertScimError(
        idp.post("/Sites", Phone.siteJson("Idp " + Unique.tag(), Phone.freshRange(10))), 403);
    assertScimError(server.anonymous().get("/Sites"), 401);
  }

  private static String range(String from, String to) {
    return "{\"from\": " + Json.quote(from) + ", \"to\": " + Json.quote(to) + "}";
  }

  /** The site's ranges as {@code "from-to"} strings. */
  private static Set<String> ranges(JsonNode site) {
    Set<String> ranges = new TreeSet<>();
    for (JsonNode range : site.path("extensionRanges")) {
      ranges.add(range.path("from").asText() + "-" + range.path("to").asText());
    }
    return ranges;
  }
}
