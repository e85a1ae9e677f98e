package dev.switchboard.conformance.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The enterprise User extension (RFC 7643 §4.3) on create, read and filter. */
class EnterpriseExtensionTest {

  private final ScimClient client = ScimClient.admin();

  @Test
  void enterpriseAttributesRoundTrip() {
    String managerId = Fixtures.newUser(client, Unique.userName("boss")).path("id").asText();

    JsonNode created =
        Fixtures.postUser(
            client,
            """
                {"schemas": ["%s", "%s"], "userName": "%s",
                 "%s": {"employeeNumber": "701984", "department": "Tour Operations", "costCenter": "4130",
                        "organization": "Universal Studios", "division": "Theme Park",
                        "manager": {"value": "%s"}}}
                """
                .formatted(
                    Urns.USER,
                    Urns.ENTERPRISE_USER,
                    Unique.userName("emp"),
                    Urns.ENTERPRISE_USER,
                    managerId));

    for (JsonNode user :
        new JsonNode[] {created, Fixtures.getUser(client, created.path("id").asText())}) {
      assertTrue(Json.texts(user.path("schemas")).contains(Urns.ENTERPRISE_USER));
      JsonNode enterprise = user.path(Urns.ENTERPRISE_USER);
      assertEquals("701984", enterprise.path("employeeNumber").asText());
      assertEquals("Tour Operations", enterprise.path("department").asText());
      assertEquals("4130", enterprise.path("costCenter").asText());
      assertEquals("Universal Studios", enterprise.path("organization").asText());
      assertEquals("Theme Park", enterprise.path("division").asText());
      assertEquals(managerId, enterprise.path("manager").path("value").asText());
    }
  }

  @Test
  void extensionAttributesWithoutTheirUrnInSchemasAreAccepted() {
    // Entra lists only the core schema and still sends the extension object.
    JsonNode created =
        Fixtures.postUser(
            client,
            """
                {"schemas": ["%s"], "userName": "%s", "%s": {"department": "bob", "employeeNumber": "E1"}}
                """
                .formatted(Urns.USER, Unique.userName("no-urn"), Urns.ENTERPRISE_USER));

    JsonNode fetched = Fixtures.getUser(client, created.path("id").asText());
    assertEquals("bob", fetched.path(Urns.ENTERPRISE_USER).path("department").asText());
    assertEquals("E1", fetched.path(Urns.ENTERPRISE_USER).path("employeeNumber").asText());
    assertTrue(
        Json.texts(fetched.path("schemas")).contains(Urns.ENTERPRISE_USER),
        "RFC 7643 §3: schemas lists every extension the resource carries");
  }

  @Test
  void extensionAttributesAreFilterableByFullUrnPath() {
    String employeeNumber = "E-" + Unique.tag();
    String userName = Unique.userName("numbered");
    Fixtures.postUser(
        client,
        """
                {"schemas": ["%s", "%s"], "userName": "%s", "%s": {"employeeNumber": "%s"}}
                """
            .formatted(
                Urns.USER, Urns.ENTERPRISE_USER, userName, Urns.ENTERPRISE_USER, employeeNumber));

    assertEquals(
        Set.of(userName),
        Fixtures.userNamesMatching(
            client, Urns.ENTERPRISE_USER + ":employeeNumber eq \"" + employeeNumber + "\""));
  }

  @Test
  void managerSentAsPlainStringIsReturnedAsObject() {
    String managerId = Fixtures.newUser(client, Unique.userName("boss")).path("id").asText();

    JsonNode created =
        Fixtures.postUser(
            client,
            """
                {"schemas": ["%s", "%s"], "userName": "%s", "%s": {"manager": "%s"}}
                """
                .formatted(
                    Urns.USER,
                    Urns.ENTERPRISE_USER,
                    Unique.userName("report"),
                    Urns.ENTERPRISE_USER,
                    managerId));

    JsonNode manager =
        Fixtures.getUser(client, created.path("id").asText())
            .path(Urns.ENTERPRISE_USER)
            .path("manager");
    assertTrue(manager.isObject(), "manager is always a complex object, was " + manager);
    assertEquals(managerId, manager.path("value").asText());
  }
}
