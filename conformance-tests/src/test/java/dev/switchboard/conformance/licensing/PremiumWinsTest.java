package dev.switchboard.conformance.licensing;

import static dev.switchboard.conformance.licensing.Licensing.CC;
import static dev.switchboard.conformance.licensing.Licensing.assertLicense;
import static dev.switchboard.conformance.licensing.Licensing.sourceKeys;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertSuccessful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.FreshServer;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The effective contact-center tier is the highest one demanded by the user's direct {@code
 * license}, its {@code role} (supervisor/admin → premium) and the templates of its groups: premium
 * wins, and {@code licenseSources} says why.
 */
class PremiumWinsTest {

  private static FreshServer server;
  private static FreshServer.Client admin;
  private static FreshServer.Client idp;

  @BeforeAll
  static void startServer() {
    server = FreshServer.start(PremiumWinsTest.class.getSimpleName());
    admin = server.admin();
    idp = server.idp();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void plainUserHasRoleAgentAndNoLicense() {
    String id = Licensing.newUser(idp, Unique.userName("plain"));

    JsonNode cc = assertLicense(admin, id, "none", "none");
    assertEquals("agent", cc.path("role").asText(null), () -> "default role: " + cc);
    assertEquals(Set.of(), sourceKeys(cc), () -> "no sources: " + cc);
    assertTrue(cc.path("agentId").isMissingNode() || cc.path("agentId").isNull(), cc::toString);
  }

  @Test
  void directLicenseAloneGivesThatTier() {
    String id = Licensing.newUser(idp, Unique.userName("direct"), "{\"license\": \"standard\"}");

    JsonNode cc = assertLicense(idp, id, "standard", "assigned");
    assertEquals("standard", cc.path("license").asText(null));
    assertEquals(Set.of("direct:standard"), sourceKeys(cc), cc::toString);
  }

  @Test
  void supervisorRoleDemandsPremiumOverADirectStandard() {
    String id =
        Licensing.newUser(
            idp,
            Unique.userName("supervisor"),
            "{\"license\": \"standard\", \"role\": \"supervisor\"}");

    JsonNode cc = assertLicense(admin, id, "premium", "assigned");
    assertEquals(Set.of("direct:standard", "role:premium"), sourceKeys(cc), cc::toString);
  }

  @Test
  void adminRoleDemandsPremiumToo() {
    String id = Licensing.newUser(idp, Unique.userName("ccadmin"), "{\"role\": \"admin\"}");

    JsonNode cc = assertLicense(admin, id, "premium", "assigned");
    assertEquals(Set.of("role:premium"), sourceKeys(cc), cc::toString);
  }

  @Test
  void premiumGroupWinsOverStandardGroupAndLeavingItFallsBackToStandard() {
    String agentsName = Unique.groupName("Agents");
    String leadsName = Unique.groupName("Leads");
    String user = Licensing.newUser(idp, Unique.userName("both"));
    String agents = Licensing.newGroup(idp, agentsName, user);
    String leads = Licensing.newGroup(idp, leadsName, user);
    Licensing.newTemplate(admin, "std " + agentsName, Licensing.groupById(agents), "standard");
    Licensing.newTemplate(admin, "prem " + leadsName, Licensing.groupById(leads), "premium");

    JsonNode cc = assertLicense(admin, user, "premium", "assigned");
    assertEquals(
        Set.of("group:" + agents + ":standard", "group:" + leads + ":premium"),
        sourceKeys(cc),
        cc::toString);
    JsonNode leadSource = Json.elementWhere(cc.path("licenseSources"), "value", leads);
    assertEquals("group", leadSource.path("type").asText(null), leadSource::toString);
    assertEquals(leadsName, leadSource.path("display").asText(null), leadSource::toString);
    assertEquals(
        agentsName,
        Json.elementWhere(cc.path("licenseSources"), "value", agents).path("display").asText(null),
        cc::toString);

    Licensing.removeMembers(idp, leads, user);

    JsonNode after = assertLicense(admin, user, "standard", "assigned");
    assertEquals(Set.of("group:" + agents + ":standard"), sourceKeys(after), after::toString);
  }

  @Test
  void orderOfJoiningDoesNotMatter() {
    String agents = Licensing.newGroup(idp, Unique.groupName("Agents"));
    String leads = Licensing.newGroup(idp, Unique.groupName("Leads"));
    Licensing.newTemplate(admin, Unique.groupName("std"), Licensing.groupById(agents), "standard");
    Licensing.newTemplate(admin, Unique.groupName("prem"), Licensing.groupById(leads), "premium");
    String first = Licensing.newUser(idp, Unique.userName("agents-first"));
    String second = Licensing.newUser(idp, Unique.userName("leads-first"));

    Licensing.addMembers(idp, agents, first);
    assertLicense(admin, first, "standard", "assigned");
    Licensing.addMembers(idp, leads, first);
    Licensing.addMembers(idp, leads, second);
    assertLicense(admin, second, "premium", "assigned");
    Licensing.addMembers(idp, agents, second);

    assertLicense(admin, first, "premium", "assigned");
    assertLicense(admin, second, "premium", "assigned");
    assertEquals(sourceKeys(Licensing.cc(admin, first)), sourceKeys(Licensing.cc(admin, second)));
  }

  @Test
  void allThreeSourcesCombineAndEachChangeReresolves() {
    String user = Licensing.newUser(idp, Unique.userName("three"), "{\"license\": \"standard\"}");
    String leads = Licensing.newGroup(idp, Unique.groupName("Leads"), user);
    Licensing.newTemplate(admin, Unique.groupName("prem"), Licensing.groupById(leads), "premium");
    assertEquals(
        Set.of("direct:standard", "group:" + leads + ":premium"),
        sourceKeys(assertLicense(admin, user, "premium", "assigned")));

    Licensing.removeMembers(idp, leads, user);
    assertEquals(
        Set.of("direct:standard"), sourceKeys(assertLicense(admin, user, "standard", "assigned")));

    Licensing.setCc(idp, user, "role", "\"supervisor\"");
    assertEquals(
        Set.of("direct:standard", "role:premium"),
        sourceKeys(assertLicense(admin, user, "premium", "assigned")));

    Licensing.setCc(idp, user, "role", "\"agent\"");
    assertLicense(admin, user, "standard", "assigned");

    Licensing.setCc(idp, user, "license", "\"none\"");
    assertLicense(admin, user, "none", "none");
  }

  @Test
  void directNoneDoesNotLowerAGroupTier() {
    String user = Licensing.newUser(idp, Unique.userName("none-direct"), "{\"license\": \"none\"}");
    String agents = Licensing.newGroup(idp, Unique.groupName("Agents"), user);
    Licensing.newTemplate(admin, Unique.groupName("std"), Licensing.groupById(agents), "standard");

    assertLicense(admin, user, "standard", "assigned");
  }

  @Test
  void noPathPatchWithFullUrnKeysSetsLicenseAndRole() {
    String user = Licensing.newUser(idp, Unique.userName("nopath"));

    assertSuccessful(
        idp.patch(
            "/Users/" + user,
            Fixtures.patch(
                """
                {"op": "replace", "value": {"%1$s:license": "standard", "%1$s:role": "supervisor"}}
                """
                    .formatted(CC))));

    JsonNode cc = assertLicense(admin, user, "premium", "assigned");
    assertEquals("standard", cc.path("license").asText(null));
    assertEquals("supervisor", cc.path("role").asText(null));
  }

  @Test
  void licenseAndRoleAreCaseInsensitiveOnInput() {
    String user =
        Licensing.newUser(
            idp, Unique.userName("cases"), "{\"license\": \"STANDARD\", \"role\": \"Supervisor\"}");

    JsonNode cc = assertLicense(admin, user, "premium", "assigned");
    assertTrue("standard".equalsIgnoreCase(cc.path("license").asText("")), cc::toString);
    assertTrue("supervisor".equalsIgnoreCase(cc.path("role").asText("")), cc::toString);

    Licensing.setCc(idp, user, "role", "\"AGENT\"");
    assertLicense(admin, user, "standard", "assigned");
    Licensing.setCc(idp, user, "license", "\"Premium\"");
    assertLicense(admin, user, "premium", "assigned");
  }

  @Test
  void unknownLicenseOrRoleIs400InvalidValueAndChangesNothing() {
    assertScimError(
        idp.post("/Users", userWithCc(Unique.userName("gold"), "{\"license\": \"gold\"}")),
        400,
        "invalidValue");
    assertScimError(
        idp.post("/Users", userWithCc(Unique.userName("boss"), "{\"role\": \"boss\"}")),
        400,
        "invalidValue");

    String user = Licensing.newUser(idp, Unique.userName("kept"), "{\"license\": \"standard\"}");
    assertScimError(
        idp.patch(
            "/Users/" + user,
            Fixtures.patch(
                """
                {"op": "Replace", "path": "%s:license", "value": "platinum"}
                """
                    .formatted(CC))),
        400,
        "invalidValue");
    assertScimError(
        idp.patch(
            "/Users/" + user,
            Fixtures.patch(
                """
                {"op": "Replace", "path": "%s:role", "value": "manager"}
                """
                    .formatted(CC))),
        400,
        "invalidValue");

    JsonNode cc = assertLicense(admin, user, "standard", "assigned");
    assertEquals("agent", cc.path("role").asText(null));
  }

  @Test
  void readOnlyValuesSentByTheIdpAreIgnored() {
    String user =
        Licensing.newUser(
            idp,
            Unique.userName("readonly"),
            """
            {"effectiveLicense": "premium", "licenseState": "assigned",
             "licenseSources": [{"type": "direct", "tier": "premium"}]}
            """);

    JsonNode cc = assertLicense(admin, user, "none", "none");
    assertEquals(Set.of(), sourceKeys(cc), cc::toString);

    assertSuccessful(
        idp.patch(
            "/Users/" + user,
            Fixtures.patch(
                """
                {"op": "replace", "value": {"%1$s:effectiveLicense": "premium", "%1$s:licenseState": "assigned"}}
                """
                    .formatted(CC))));
    assertLicense(admin, user, "none", "none");
  }

  @Test
  void effectiveLicenseIsFilterable() {
    String tag = Unique.tag();
    String premium = Licensing.newUser(idp, "filter-p-" + tag, "{\"role\": \"supervisor\"}");
    String standard = Licensing.newUser(idp, "filter-s-" + tag, "{\"license\": \"standard\"}");
    String none = Licensing.newUser(idp, "filter-n-" + tag);

    assertEquals(
        Set.of(premium),
        Licensing.userIdsMatching(
            admin, CC + ":effectiveLicense eq \"premium\" and userName co \"" + tag + "\""));
    assertEquals(
        Set.of(standard),
        Licensing.userIdsMatching(
            admin, CC + ":effectiveLicense eq \"standard\" and userName co \"" + tag + "\""));
    assertEquals(
        Set.of(none),
        Licensing.userIdsMatching(
            admin, CC + ":licenseState eq \"none\" and userName co \"" + tag + "\""));
  }

  private static String userWithCc(String userName, String ccJson) {
    return """
        {"schemas": ["%s", "%s"], "userName": %s, "%s": %s}
        """
        .formatted(Urns.USER, CC, Json.quote(userName), CC, ccJson);
  }
}
