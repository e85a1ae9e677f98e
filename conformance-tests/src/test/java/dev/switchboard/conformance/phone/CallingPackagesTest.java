package dev.switchboard.conformance.phone;

import static dev.switchboard.conformance.phone.Phone.CALLING_PACKAGE;
import static dev.switchboard.conformance.support.ScimAssertions.assertListResponse;
import static dev.switchboard.conformance.support.ScimAssertions.assertNoContent;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static dev.switchboard.conformance.support.ScimAssertions.assertSuccessful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.FreshServer;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.Query;
import dev.switchboard.conformance.support.Unique;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /CallingPackages}: the ranked catalogue (name unique, rank required), its SCIM writes, and
 * deletion refused while a user or a template names the package.
 */
class CallingPackagesTest {

  private static FreshServer server;
  private static FreshServer.Client admin;
  private static FreshServer.Client idp;
  private static String siteName;

  @BeforeAll
  static void startServer() {
    server = FreshServer.start(CallingPackagesTest.class.getSimpleName());
    admin = server.admin();
    idp = server.idp();
    siteName = "Packages site " + Unique.tag();
    Phone.newSite(admin, siteName, Phone.freshRange(100));
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aPackageIsCreatedAndReadBackByIdAndByNameFilter() {
    String name = "national-" + Unique.tag();

    JsonNode created =
        assertScimJson(admin.post("/CallingPackages", Phone.packageJson(name, 20)), 201);

    String id = created.path("id").asText("");
    assertFalse(id.isBlank(), created::toString);
    assertTrue(Json.texts(created.path("schemas")).contains(CALLING_PACKAGE), created::toString);
    assertEquals(name, created.path("name").asText(null), created::toString);
    assertTrue(created.path("rank").isIntegralNumber(), created::toString);
    assertEquals(20, created.path("rank").intValue(), created::toString);

    JsonNode fetched = assertScimJson(admin.get("/CallingPackages/" + id), 200);
    assertEquals(name, fetched.path("name").asText(null));
    assertEquals(20, fetched.path("rank").intValue(), fetched::toString);
    assertEquals(
        "CallingPackage",
        fetched.path("meta").path("resourceType").asText(null),
        fetched::toString);

    JsonNode list =
        assertListResponse(
            admin.get("/CallingPackages" + Query.filter("name eq " + Json.quote(name))));
    assertEquals(1, list.path("totalResults").asInt(), list::toString);
    assertEquals(id, list.path("Resources").path(0).path("id").asText(null), list::toString);
  }

  @Test
  void packageNamesAreUnique() {
    String name = "local-" + Unique.tag();
    Phone.newPackage(admin, name, 10);

    assertScimError(admin.post("/CallingPackages", Phone.packageJson(name, 11)), 409, "uniqueness");
  }

  @Test
  void aPackageWithoutARankIs400() {
    String name = "rankless-" + Unique.tag();

    assertScimError(
        admin.post(
            "/CallingPackages",
            """
            {"schemas": ["%s"], "name": %s}
            """
                .formatted(CALLING_PACKAGE, Json.quote(name))),
        400);

    assertEquals(
        0,
        assertListResponse(
                admin.get("/CallingPackages" + Query.filter("name eq " + Json.quote(name))))
            .path("totalResults")
            .asInt());
  }

  @Test
  void aPackageWithoutANameIs400() {
    assertScimError(
        admin.post(
            "/CallingPackages",
            """
            {"schemas": ["%s"], "rank": 10}
            """
                .formatted(CALLING_PACKAGE)),
        400);
  }

  @Test
  void aRankThatIsNoIntegerIs400() {
    assertScimError(
        admin.post(
            "/CallingPackages",
            """
            {"schemas": ["%s"], "name": %s, "rank": "high"}
            """
                .formatted(CALLING_PACKAGE, Json.quote("wordy-" + Unique.tag()))),
        400);
  }

  @Test
  void putAndPatchChangeTheRank() {
    String name = "movable-" + Unique.tag();
    String id = Phone.newPackage(admin, name, 10);

    JsonNode put =
        assertScimJson(admin.put("/CallingPackages/" + id, Phone.packageJson(name, 25)), 200);
    assertEquals(25, put.path("rank").intValue(), put::toString);

    assertSuccessful(admin.patch("/CallingPackages/" + id, Phone.replace("rank", "35")));

    JsonNode fetched = assertScimJson(admin.get("/CallingPackages/" + id), 200);
    assertEquals(35, fetched.path("rank").intValue(), fetched::toString);
    assertEquals(name, fetched.path("name").asText(null), fetched::toString);
  }

  @Test
  void deletingAnUnusedPackageIs204AndItIsGone() {
    String id = Phone.newPackage(admin, "unused-" + Unique.tag(), 10);

    assertNoContent(admin.delete("/CallingPackages/" + id));

    assertScimError(admin.get("/CallingPackages/" + id), 404);
  }

  @Test
  void deletingAPackageAUserDemandsIs409UntilTheUserDropsIt() {
    String name = "demanded-" + Unique.tag();
    String id = Phone.newPackage(admin, name, 10);
    String user = Phone.newUser(idp, Unique.userName("caller"), Phone.licensedOn(siteName, name));
    assertEquals(name, Phone.phone(admin, user).path("effectiveCallingPackage").asText(null));

    assertScimError(admin.delete("/CallingPackages/" + id), 409);
    assertScimJson(admin.get("/CallingPackages/" + id), 200);

    Phone.removePhone(idp, user, "callingPackage");

    assertNoContent(admin.delete("/CallingPackages/" + id));
  }

  @Test
  void deletingAPackageATemplateNamesIs409() {
    String name = "templated-" + Unique.tag();
    String id = Phone.newPackage(admin, name, 10);
    Phone.newTemplate(
        admin,
        "Package template " + Unique.tag(),
        Phone.groupByName(Unique.groupName("Callers")),
        Phone.phoneFields(null, name, null));

    assertScimError(admin.delete("/CallingPackages/" + id), 409);

    assertScimJson(admin.get("/CallingPackages/" + id), 200);
  }

  @Test
  void packagesAreAdminOnly() {
    assertScimError(idp.get("/CallingPackages"), 403);
    assertScimError(
        idp.post("/CallingPackages", Phone.packageJson("idp-" + Unique.tag(), 10)), 403);
    assertScimError(server.anonymous().get("/CallingPackages"), 401);
  }
}
