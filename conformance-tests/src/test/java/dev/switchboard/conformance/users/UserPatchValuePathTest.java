package dev.switchboard.conformance.users;

import static dev.switchboard.conformance.support.ScimAssertions.assertNoContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PATCH paths with value filters and extension URNs (RFC 7644 §3.5.2), as Entra sends them. */
class UserPatchValuePathTest {

  private final ScimClient client = ScimClient.admin();

  @Test
  void replaceEmailValueByValuePathChangesOnlyThatElement() {
    String id =
        Fixtures.postUser(
                client,
                """
                {"schemas": ["%s"], "userName": "%s",
                 "emails": [{"type": "work", "value": "old@example.com", "primary": true},
                            {"type": "home", "value": "home@example.org"}]}
                """
                    .formatted(Urns.USER, Unique.userName("mail")))
            .path("id")
            .asText();

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "Replace", "path": "emails[type eq \\"work\\"].value", "value": "new@example.com"}
                """)));

    JsonNode emails = Fixtures.getUser(client, id).path("emails");
    assertEquals(2, emails.size());
    assertEquals(
        "new@example.com", Json.elementWhere(emails, "type", "work").path("value").asText());
    assertEquals(
        "home@example.org", Json.elementWhere(emails, "type", "home").path("value").asText());
  }

  @Test
  void addEmailValueByValuePathCreatesTheElementWhenMissing() {
    String id = Fixtures.newUser(client, Unique.userName("no-mail")).path("id").asText();

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "Add", "path": "emails[type eq \\"work\\"].value", "value": "first@example.com"}
                """)));

    JsonNode emails = Fixtures.getUser(client, id).path("emails");
    assertEquals(1, emails.size(), () -> "emails: " + emails);
    assertEquals(
        "first@example.com", Json.elementWhere(emails, "type", "work").path("value").asText());
  }

  @Test
  void addressSubAttributesByValuePathBuildOneWorkAddress() {
    String id = Fixtures.newUser(client, Unique.userName("no-address")).path("id").asText();

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "Add", "path": "addresses[type eq \\"work\\"].formatted", "value": "1 Main St, Springfield"}
                """,
                """
                {"op": "Add", "path": "addresses[type eq \\"work\\"].locality", "value": "Springfield"}
                """)));

    JsonNode addresses = Fixtures.getUser(client, id).path("addresses");
    assertEquals(
        1,
        addresses.size(),
        () -> "the second op must find the element the first created: " + addresses);
    JsonNode work = Json.elementWhere(addresses, "type", "work");
    assertEquals("1 Main St, Springfield", work.path("formatted").asText());
    assertEquals("Springfield", work.path("locality").asText());
  }

  @Test
  void replaceAddressFormattedByValuePathKeepsOtherSubAttributes() {
    String id =
        Fixtures.postUser(
                client,
                """
                {"schemas": ["%s"], "userName": "%s",
                 "addresses": [{"type": "work", "formatted": "old", "country": "DE"}]}
                """
                    .formatted(Urns.USER, Unique.userName("address")))
            .path("id")
            .asText();

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "replace", "path": "addresses[type eq \\"work\\"].formatted", "value": "Unter den Linden 1"}
                """)));

    JsonNode work =
        Json.elementWhere(Fixtures.getUser(client, id).path("addresses"), "type", "work");
    assertEquals("Unter den Linden 1", work.path("formatted").asText());
    assertEquals("DE", work.path("country").asText());
  }

  @Test
  void removeByValueFilterRemovesOnlyMatchingElements() {
    String id =
        Fixtures.postUser(
                client,
                """
                {"schemas": ["%s"], "userName": "%s",
                 "emails": [{"type": "work", "value": "w@example.com"}, {"type": "home", "value": "h@example.org"}]}
                """
                    .formatted(Urns.USER, Unique.userName("two-mails")))
            .path("id")
            .asText();

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "remove", "path": "emails[type eq \\"home\\"]"}
                """)));

    assertEquals(
        List.of("w@example.com"),
        Json.fieldTexts(Fixtures.getUser(client, id).path("emails"), "value"));
  }

  @Test
  void extensionUrnPathsAddReplaceAndRemove() {
    String id = Fixtures.newUser(client, Unique.userName("ext-path")).path("id").asText();

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "Add", "path": "%1$s:employeeNumber", "value": "1234"}
                """
                    .formatted(Urns.ENTERPRISE_USER),
                """
                {"op": "Replace", "path": "%1$s:department", "value": "Sales"}
                """
                    .formatted(Urns.ENTERPRISE_USER))));

    JsonNode enterprise = Fixtures.getUser(client, id).path(Urns.ENTERPRISE_USER);
    assertEquals("1234", enterprise.path("employeeNumber").asText());
    assertEquals("Sales", enterprise.path("department").asText());

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "Remove", "path": "%s:department"}
                """
                    .formatted(Urns.ENTERPRISE_USER))));

    JsonNode after = Fixtures.getUser(client, id).path(Urns.ENTERPRISE_USER);
    assertFalse(after.hasNonNull("department"));
    assertEquals("1234", after.path("employeeNumber").asText());
  }

  @Test
  void valuePathPatchLeavesNoLiteralPathKeyBehind() {
    String id = Fixtures.newUser(client, Unique.userName("literal")).path("id").asText();

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "Add", "path": "emails[type eq \\"work\\"].value", "value": "x@example.com"}
                """)));

    String body = client.get("/Users/" + id).body();
    assertTrue(body.contains("x@example.com"));
    assertFalse(
        body.contains("emails[type"), () -> "a path must never become an attribute name: " + body);
  }
}
