package dev.switchboard.conformance.phone;

import static dev.switchboard.conformance.phone.Phone.PHONE_NUMBER;
import static dev.switchboard.conformance.support.ScimAssertions.assertListResponse;
import static dev.switchboard.conformance.support.ScimAssertions.assertNoContent;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.FreshServer;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.Query;
import dev.switchboard.conformance.support.Unique;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /PhoneNumbers}: the direct-number inventory. Numbers are E.164 ({@code +} and 8–15 digits)
 * and unique; {@code state} and {@code assignedTo} are computed; {@code state eq "unassigned"}
 * lists the free ones.
 */
class PhoneNumbersTest {

  private static final AtomicLong SERIAL = new AtomicLong(1);

  private static FreshServer server;
  private static FreshServer.Client admin;
  private static FreshServer.Client idp;
  private static String siteName;
  private static String packageName;

  @BeforeAll
  static void startServer() {
    server = FreshServer.start(PhoneNumbersTest.class.getSimpleName());
    admin = server.admin();
    idp = server.idp();
    siteName = "Numbers site " + Unique.tag();
    Phone.newSite(admin, siteName, Phone.freshRange(100));
    packageName = "local-" + Unique.tag();
    Phone.newPackage(admin, packageName, 10);
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aNumberIsCreatedUnassignedAndReadBackByIdAndByNumberFilter() {
    String number = Phone.freshE164();

    JsonNode created =
        assertScimJson(admin.post("/PhoneNumbers", Phone.numberJson(number, siteName)), 201);

    String id = created.path("id").asText("");
    assertFalse(id.isBlank(), created::toString);
    assertTrue(Json.texts(created.path("schemas")).contains(PHONE_NUMBER), created::toString);
    assertEquals(number, created.path("number").asText(null), created::toString);
    assertEquals(siteName, created.path("site").asText(null), created::toString);
    assertEquals("unassigned", created.path("state").asText(null), created::toString);

    JsonNode fetched = Phone.assertNumber(admin, id, "unassigned", null);
    assertEquals(number, fetched.path("number").asText(null));
    assertEquals(
        "PhoneNumber", fetched.path("meta").path("resourceType").asText(null), fetched::toString);

    JsonNode list =
        assertListResponse(
            admin.get("/PhoneNumbers" + Query.filter("number eq " + Json.quote(number))));
    assertEquals(1, list.path("totalResults").asInt(), list::toString);
    assertEquals(id, list.path("Resources").path(0).path("id").asText(null), list::toString);
  }

  @Test
  void aNumberWithoutASiteIsAccepted() {
    String number = Phone.freshE164();

    JsonNode created =
        assertScimJson(admin.post("/PhoneNumbers", Phone.numberJson(number, null)), 201);

    assertEquals(number, created.path("number").asText(null), created::toString);
    assertEquals("unassigned", created.path("state").asText(null), created::toString);
  }

  @Test
  void eightAndFifteenDigitsAreTheBounds() {
    long serial = SERIAL.getAndIncrement();
    String eight = "+8" + String.format("%07d", serial);
    String fifteen = "+8" + String.format("%014d", serial);

    assertScimJson(admin.post("/PhoneNumbers", Phone.numberJson(eight, null)), 201);
    assertScimJson(admin.post("/PhoneNumbers", Phone.numberJson(fifteen, null)), 201);

    assertScimError(
        admin.post("/PhoneNumbers", Phone.numberJson(eight.substring(0, 8), null)),
        400,
        "invalidValue");
    assertScimError(
        admin.post("/PhoneNumbers", Phone.numberJson(fifteen + "1", null)), 400, "invalidValue");
  }

  @Test
  void aNumberWithoutItsPlusIs400InvalidValueSayingSo() {
    String withoutPlus = Phone.freshE164().substring(1);

    JsonNode error =
        assertScimError(
            admin.post("/PhoneNumbers", Phone.numberJson(withoutPlus, siteName)),
            400,
            "invalidValue");

    assertTrue(
        error.path("detail").asText("").contains("+"),
        () -> "the detail should tell the admin about the missing '+': " + error);
    assertEquals(
        0,
        assertListResponse(
                admin.get("/PhoneNumbers" + Query.filter("number eq " + Json.quote(withoutPlus))))
            .path("totalResults")
            .asInt());
  }

  @Test
  void numbersThatAreNotE164Are400InvalidValue() {
    String valid = Phone.freshE164();
    for (String bad :
        List.of(
            valid.substring(0, 4) + " " + valid.substring(4),
            valid.substring(0, 6) + "-" + valid.substring(6),
            "+4670abc1234",
            "+")) {
      assertScimError(
          admin.post("/PhoneNumbers", Phone.numberJson(bad, null)), 400, "invalidValue");
    }
  }

  @Test
  void aNumberWithoutANumberIs400() {
    assertScimError(
        admin.post(
            "/PhoneNumbers",
            """
            {"schemas": ["%s"], "site": %s}
            """
                .formatted(PHONE_NUMBER, Json.quote(siteName))),
        400);
  }

  @Test
  void aDuplicateNumberIs409Uniqueness() {
    String number = Phone.freshE164();
    Phone.newNumber(admin, number, siteName);

    assertScimError(admin.post("/PhoneNumbers", Phone.numberJson(number, null)), 409, "uniqueness");
  }

  @Test
  void aNumberOnAnUnknownSiteIs400() {
    assertScimError(
        admin.post(
            "/PhoneNumbers", Phone.numberJson(Phone.freshE164(), "No such site " + Unique.tag())),
        400);
  }

  @Test
  void stateAndAssignedToAreReadOnlyAndIgnoredOnInput() {
    String number = Phone.freshE164();

    JsonNode created =
        assertScimJson(
            admin.post(
                "/PhoneNumbers",
                """
                {"schemas": ["%s"], "number": %s, "state": "assigned",
                 "assignedTo": {"value": "someone", "display": "someone"}}
                """
                    .formatted(PHONE_NUMBER, Json.quote(number))),
            201);

    Phone.assertNumber(admin, created.path("id").asText(), "unassigned", null);
  }

  @Test
  void anAssignedNumberNamesItsUserAndTheStateFilterTellsFreeFromTaken() {
    String free = Phone.newNumber(admin, Phone.freshE164(), siteName);
    String takenNumber = Phone.freshE164();
    String taken = Phone.newNumber(admin, takenNumber, siteName);
    String userName = Unique.userName("holder");
    String user = Phone.newUser(idp, userName, Phone.licensedOn(siteName, packageName));
    Phone.setPhone(idp, user, "directNumbers", "[" + Json.quote(takenNumber) + "]");

    JsonNode assigned = Phone.assertNumber(admin, taken, "assigned", user);
    assertEquals(
        userName, assigned.path("assignedTo").path("display").asText(null), assigned::toString);

    Set<String> unassigned = ids("state eq \"unassigned\"");
    assertTrue(unassigned.contains(free), () -> "free number listed: " + unassigned);
    assertFalse(unassigned.contains(taken), () -> "assigned number not listed: " + unassigned);
    for (JsonNode number : Phone.list(admin, "/PhoneNumbers", "state eq \"unassigned\"")) {
      assertEquals("unassigned", number.path("state").asText(null), number::toString);
    }
    Set<String> assignedIds = ids("state eq \"assigned\"");
    assertTrue(assignedIds.contains(taken), () -> "assigned number listed: " + assignedIds);
    assertFalse(assignedIds.contains(free), () -> "free number not listed: " + assignedIds);
  }

  @Test
  void deletingAnUnassignedNumberIs204AndItIsGone() {
    String id = Phone.newNumber(admin, Phone.freshE164(), siteName);

    assertNoContent(admin.delete("/PhoneNumbers/" + id));

    assertScimError(admin.get("/PhoneNumbers/" + id), 404);
  }

  @Test
  void numbersAreAdminOnly() {
    assertScimError(idp.get("/PhoneNumbers"), 403);
    assertScimError(idp.post("/PhoneNumbers", Phone.numberJson(Phone.freshE164(), siteName)), 403);
    assertScimError(server.anonymous().get("/PhoneNumbers"), 401);
  }

  private static Set<String> ids(String filter) {
    return Json.fieldTextSet(
        assertListResponse(admin.get("/PhoneNumbers" + Query.of("filter", filter, "count", "1000")))
            .path("Resources"),
        "id");
  }
}
