package dev.switchboard.conformance.licensing;

import static dev.switchboard.conformance.licensing.Licensing.LICENSING_GROUP;
import static dev.switchboard.conformance.licensing.Licensing.TEMPLATE;
import static dev.switchboard.conformance.licensing.Licensing.assertLicense;
import static dev.switchboard.conformance.licensing.Licensing.templateIdsOf;
import static dev.switchboard.conformance.support.ScimAssertions.assertListResponse;
import static dev.switchboard.conformance.support.ScimAssertions.assertNoContent;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static dev.switchboard.conformance.support.ScimAssertions.assertStatus;
import static dev.switchboard.conformance.support.ScimAssertions.assertSuccessful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.FreshServer;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.Query;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * License templates: the admin resource itself, binding by group id or by displayName (also before
 * the group exists, and following IdP renames), re-resolution on every template write, and the
 * readOnly licensing extension on Group that the IdP cannot change.
 */
class TemplateBindingTest {

  private static FreshServer server;
  private static FreshServer.Client admin;
  private static FreshServer.Client idp;

  @BeforeAll
  static void startServer() {
    server = FreshServer.start(TemplateBindingTest.class.getSimpleName());
    admin = server.admin();
    idp = server.idp();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  // ---- the resource ----

  @Test
  void templateIsCreatedWithDefaultsAndReadBackByIdAndByNameFilter() {
    String groupName = Unique.groupName("Defaults");
    String name = "Defaults " + Unique.tag();

    JsonNode created =
        assertScimJson(
            admin.post(
                "/LicenseTemplates",
                """
                {"schemas": ["%s"], "name": %s, "group": {"display": %s}}
                """
                    .formatted(TEMPLATE, Json.quote(name), Json.quote(groupName))),
            201);

    String id = created.path("id").asText("");
    assertFalse(id.isBlank(), created::toString);
    assertTrue(Json.texts(created.path("schemas")).contains(TEMPLATE), created::toString);
    assertEquals(name, created.path("name").asText(null));
    assertEquals(100, created.path("precedence").asInt(-1), created::toString);
    assertEquals("none", created.path("contactCenter").asText(null), created::toString);
    assertTrue(created.path("phone").isBoolean(), created::toString);
    assertFalse(created.path("phone").booleanValue(), created::toString);
    assertEquals(groupName, created.path("group").path("display").asText(null), created::toString);

    JsonNode fetched = assertScimJson(admin.get("/LicenseTemplates/" + id), 200);
    assertEquals(name, fetched.path("name").asText(null));
    assertEquals("LicenseTemplate", fetched.path("meta").path("resourceType").asText(null));

    JsonNode list =
        assertListResponse(
            admin.get("/LicenseTemplates" + Query.filter("name eq " + Json.quote(name))));
    assertEquals(1, list.path("totalResults").asInt(), list::toString);
    assertEquals(id, list.path("Resources").path(0).path("id").asText(null));
  }

  @Test
  void templateNameIsUniqueIgnoringCase() {
    String name = "Unique " + Unique.tag();
    Licensing.newTemplate(admin, name, Licensing.groupByName(Unique.groupName("G")), "standard");

    assertScimError(
        admin.post(
            "/LicenseTemplates",
            Licensing.templateJson(
                name.toUpperCase(Locale.ROOT),
                Licensing.groupByName(Unique.groupName("H")),
                "premium")),
        409,
        "uniqueness");
  }

  @Test
  void templateWithoutNameIs400() {
    assertScimError(
        admin.post(
            "/LicenseTemplates",
            """
            {"schemas": ["%s"], "group": {"display": "Nameless"}, "contactCenter": "standard"}
            """
                .formatted(TEMPLATE)),
        400);
  }

  @Test
  void templateNamingAnUnknownGroupIdIs400InvalidValue() {
    String name = "Ghost " + Unique.tag();

    assertScimError(
        admin.post(
            "/LicenseTemplates",
            Licensing.templateJson(
                name, Licensing.groupById("no-such-group-" + Unique.tag()), "standard")),
        400,
        "invalidValue");

    assertEquals(
        0,
        assertListResponse(
                admin.get("/LicenseTemplates" + Query.filter("name eq " + Json.quote(name))))
            .path("totalResults")
            .asInt(),
        "a refused POST creates nothing");
  }

  @Test
  void templatesAreAdminOnly() {
    assertScimError(idp.get("/LicenseTemplates"), 403);
    assertScimError(
        idp.post(
            "/LicenseTemplates",
            Licensing.templateJson(
                "Idp " + Unique.tag(), Licensing.groupByName(Unique.groupName("X")), "premium")),
        403);
    assertScimError(server.anonymous().get("/LicenseTemplates"), 401);
  }

  // ---- binding ----

  @Test
  void templateByDisplayNameBindsWhenTheIdpCreatesTheGroupLaterInAnotherCase() {
    String tag = Unique.tag();
    String templateId =
        Licensing.newTemplate(
            admin,
            "Sales Agents std " + tag,
            Licensing.groupByName("Sales Agents " + tag),
            "standard");
    String ann = Licensing.newUser(idp, Unique.userName("ann"));
    String bob = Licensing.newUser(idp, Unique.userName("bob"));
    assertLicense(admin, ann, "none", "none");

    String groupName = "SALES agents " + tag.toUpperCase(Locale.ROOT);
    String group = Licensing.newGroup(idp, groupName, ann, bob);

    JsonNode cc = assertLicense(admin, ann, "standard", "assigned");
    assertLicense(admin, bob, "standard", "assigned");
    JsonNode source = Json.elementWhere(cc.path("licenseSources"), "type", "group");
    assertEquals(group, source.path("value").asText(null), cc::toString);
    assertEquals(groupName, source.path("display").asText(null), cc::toString);
    assertEquals("standard", source.path("tier").asText(null), cc::toString);

    JsonNode groupResource = Licensing.getGroup(admin, group);
    assertEquals(Set.of(templateId), templateIdsOf(groupResource), groupResource::toString);
    assertEquals(
        "Sales Agents std " + tag,
        groupResource.path(LICENSING_GROUP).path("templates").path(0).path("display").asText(null),
        groupResource::toString);
  }

  @Test
  void memberAddedLaterToANameBoundGroupIsResolved() {
    String tag = Unique.tag();
    Licensing.newTemplate(
        admin, "Late std " + tag, Licensing.groupByName("Late Group " + tag), "standard");
    String group = Licensing.newGroup(idp, "late group " + tag);
    String carl = Licensing.newUser(idp, Unique.userName("carl"));

    Licensing.addMembers(idp, group, carl);

    assertLicense(admin, carl, "standard", "assigned");
  }

  @Test
  void renamingTheGroupAwayUnbindsAndRenamingAnotherGroupToTheNameBindsThatOne() {
    String tag = Unique.tag();
    String boundName = "Support " + tag;
    String templateId =
        Licensing.newTemplate(
            admin, "Support prem " + tag, Licensing.groupByName(boundName), "premium");
    String dana = Licensing.newUser(idp, Unique.userName("dana"));
    String eve = Licensing.newUser(idp, Unique.userName("eve"));
    String first = Licensing.newGroup(idp, boundName, dana);
    String second = Licensing.newGroup(idp, "Other " + tag, eve);
    assertLicense(admin, dana, "premium", "assigned");
    assertLicense(admin, eve, "none", "none");

    Licensing.renameGroup(idp, first, "Former Support " + tag);

    assertLicense(admin, dana, "none", "none");
    assertEquals(Set.of(), templateIdsOf(Licensing.getGroup(admin, first)));

    Licensing.renameGroup(idp, second, "SUPPORT " + tag);

    assertLicense(admin, eve, "premium", "assigned");
    assertLicense(admin, dana, "none", "none");
    assertEquals(Set.of(templateId), templateIdsOf(Licensing.getGroup(admin, second)));
  }

  @Test
  void templateByGroupIdBindsAtOnceAndFollowsTheGroupThroughARename() {
    String frank = Licensing.newUser(idp, Unique.userName("frank"));
    String group = Licensing.newGroup(idp, Unique.groupName("Escalations"), frank);
    assertLicense(admin, frank, "none", "none");

    String templateId =
        Licensing.newTemplate(
            admin, "Escalations " + Unique.tag(), Licensing.groupById(group), "premium");

    assertLicense(admin, frank, "premium", "assigned");
    assertEquals(Set.of(templateId), templateIdsOf(Licensing.getGroup(admin, group)));

    Licensing.renameGroup(idp, group, Unique.groupName("Escalations renamed"));

    assertLicense(admin, frank, "premium", "assigned");
    assertEquals(Set.of(templateId), templateIdsOf(Licensing.getGroup(admin, group)));
  }

  @Test
  void deletingANameBoundGroupDropsTheLicenseAndANewGroupOfThatNameBindsAgain() {
    String tag = Unique.tag();
    String groupName = "Night Shift " + tag;
    String templateId =
        Licensing.newTemplate(admin, "Night " + tag, Licensing.groupByName(groupName), "standard");
    String lou = Licensing.newUser(idp, Unique.userName("lou"));
    String old = Licensing.newGroup(idp, groupName, lou);
    assertLicense(admin, lou, "standard", "assigned");

    assertNoContent(idp.delete("/Groups/" + old));

    assertLicense(admin, lou, "none", "none");
    assertScimJson(admin.get("/LicenseTemplates/" + templateId), 200);

    String recreated = Licensing.newGroup(idp, groupName.toLowerCase(Locale.ROOT), lou);

    assertLicense(admin, lou, "standard", "assigned");
    assertEquals(Set.of(templateId), templateIdsOf(Licensing.getGroup(admin, recreated)));
  }

  @Test
  void changingATemplateReresolvesItsMembersWithinTheRequest() {
    String gina = Licensing.newUser(idp, Unique.userName("gina"));
    String group = Licensing.newGroup(idp, Unique.groupName("Changing"), gina);
    String name = "Changing " + Unique.tag();
    String templateId = Licensing.newTemplate(admin, name, Licensing.groupById(group), "standard");
    assertLicense(admin, gina, "standard", "assigned");

    JsonNode replaced =
        assertScimJson(
            admin.put(
                "/LicenseTemplates/" + templateId,
                Licensing.templateJson(name, Licensing.groupById(group), "premium")),
            200);
    assertEquals("premium", replaced.path("contactCenter").asText(null), replaced::toString);
    assertLicense(admin, gina, "premium", "assigned");

    Licensing.setTemplateTier(admin, templateId, "none");
    assertLicense(admin, gina, "none", "none");

    Licensing.setTemplateTier(admin, templateId, "standard");
    assertLicense(admin, gina, "standard", "assigned");
  }

  @Test
  void movingATemplateToAnotherGroupMovesTheLicense() {
    String hal = Licensing.newUser(idp, Unique.userName("hal"));
    String ida = Licensing.newUser(idp, Unique.userName("ida"));
    String from = Licensing.newGroup(idp, Unique.groupName("From"), hal);
    String to = Licensing.newGroup(idp, Unique.groupName("To"), ida);
    String name = "Mover " + Unique.tag();
    String templateId = Licensing.newTemplate(admin, name, Licensing.groupById(from), "standard");
    assertLicense(admin, hal, "standard", "assigned");

    assertScimJson(
        admin.put(
            "/LicenseTemplates/" + templateId,
            Licensing.templateJson(name, Licensing.groupById(to), "standard")),
        200);

    assertLicense(admin, hal, "none", "none");
    assertLicense(admin, ida, "standard", "assigned");
    assertEquals(Set.of(), templateIdsOf(Licensing.getGroup(admin, from)));
    assertEquals(Set.of(templateId), templateIdsOf(Licensing.getGroup(admin, to)));
  }

  @Test
  void deletingATemplateLeavesItsMembersWithoutThatLicense() {
    String jo = Licensing.newUser(idp, Unique.userName("jo"));
    String group = Licensing.newGroup(idp, Unique.groupName("Doomed"), jo);
    String templateId =
        Licensing.newTemplate(
            admin, "Doomed " + Unique.tag(), Licensing.groupById(group), "premium");
    assertLicense(admin, jo, "premium", "assigned");

    assertNoContent(admin.delete("/LicenseTemplates/" + templateId));

    assertLicense(admin, jo, "none", "none");
    assertEquals(Set.of(), templateIdsOf(Licensing.getGroup(admin, group)));
    assertStatus(admin.get("/LicenseTemplates/" + templateId), 404);
  }

  @Test
  void groupExtensionListsEveryTemplateThatApplies() {
    String tag = Unique.tag();
    String groupName = "Multi " + tag;
    String byName =
        Licensing.newTemplate(
            admin, "Multi by name " + tag, Licensing.groupByName(groupName), "none");
    String group = Licensing.newGroup(idp, groupName);
    String byId =
        Licensing.newTemplate(admin, "Multi by id " + tag, Licensing.groupById(group), "standard");

    JsonNode groupResource = Licensing.getGroup(idp, group);

    assertEquals(Set.of(byName, byId), templateIdsOf(groupResource), groupResource::toString);
    JsonNode templates = groupResource.path(LICENSING_GROUP).path("templates");
    assertEquals(
        "Multi by name " + tag,
        Json.elementWhere(templates, "value", byName).path("display").asText(null));
    assertEquals(
        "Multi by id " + tag,
        Json.elementWhere(templates, "value", byId).path("display").asText(null));
  }

  @Test
  void idpPutAndPatchOfTheGroupNeverChangeItsTemplates() {
    String kim = Licensing.newUser(idp, Unique.userName("kim"));
    String groupName = Unique.groupName("Guarded");
    String group = Licensing.newGroup(idp, groupName, kim);
    String templateId =
        Licensing.newTemplate(
            admin, "Guarded " + Unique.tag(), Licensing.groupById(group), "premium");
    String other =
        Licensing.newTemplate(
            admin,
            "Elsewhere " + Unique.tag(),
            Licensing.groupByName(Unique.groupName("Nowhere")),
            "standard");

    // A full PUT echoing the extension with no templates (as Okta echoes what it read)...
    assertScimJson(
        idp.put(
            "/Groups/" + group,
            """
            {"schemas": ["%s", "%s"], "displayName": %s, "members": [{"value": %s}],
             "%s": {"templates": []}}
            """
                .formatted(
                    Urns.GROUP,
                    LICENSING_GROUP,
                    Json.quote(groupName),
                    Json.quote(kim),
                    LICENSING_GROUP)),
        200);
    assertEquals(Set.of(templateId), templateIdsOf(Licensing.getGroup(admin, group)));
    assertLicense(admin, kim, "premium", "assigned");

    // ...and one naming another template.
    assertScimJson(
        idp.put(
            "/Groups/" + group,
            """
            {"schemas": ["%s", "%s"], "displayName": %s, "members": [{"value": %s}],
             "%s": {"templates": [{"value": %s}]}}
            """
                .formatted(
                    Urns.GROUP,
                    LICENSING_GROUP,
                    Json.quote(groupName),
                    Json.quote(kim),
                    LICENSING_GROUP,
                    Json.quote(other))),
        200);
    assertEquals(Set.of(templateId), templateIdsOf(Licensing.getGroup(admin, group)));

    // A no-path PATCH whose value carries the extension.
    assertSuccessful(
        idp.patch(
            "/Groups/" + group,
            Fixtures.patch(
                """
                {"op": "replace", "value": {"displayName": %s, "%s": {"templates": []}}}
                """
                    .formatted(Json.quote(groupName), LICENSING_GROUP))));
    assertEquals(Set.of(templateId), templateIdsOf(Licensing.getGroup(admin, group)));
    assertLicense(admin, kim, "premium", "assigned");
  }
}
