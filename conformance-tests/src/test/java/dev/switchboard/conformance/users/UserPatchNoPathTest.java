package dev.switchboard.conformance.users;

import static dev.switchboard.conformance.support.ScimAssertions.assertNoContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import org.junit.jupiter.api.Test;

/**
 * PATCH operations without a path whose value object carries the attributes (RFC 7644 §3.5.2.1/.3),
 * including the dotted and full-URN keys Entra puts in it.
 */
class UserPatchNoPathTest {

  private final ScimClient client = ScimClient.admin();

  @Test
  void noPathReplaceWithDottedKeysSetsSubAttributes() {
    String id =
        Fixtures.postUser(
                client,
                """
                {"schemas": ["%s"], "userName": "%s", "name": {"givenName": "Old", "familyName": "Name"}}
                """
                    .formatted(Urns.USER, Unique.userName("dotted")))
            .path("id")
            .asText();

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "replace", "value": {"name.givenName": "Ann", "name.familyName": "Lee", "title": "CTO"}}
                """)));

    JsonNode user = Fixtures.getUser(client, id);
    assertEquals("Ann", user.path("name").path("givenName").asText());
    assertEquals("Lee", user.path("name").path("familyName").asText());
    assertEquals("CTO", user.path("title").asText());
    assertFalse(user.has("name.givenName"), "a dotted key is a path, not a new attribute");
  }

  @Test
  void noPathReplaceWithFullUrnKeysSetsExtensionAttributes() {
    String id = Fixtures.newUser(client, Unique.userName("urn-keys")).path("id").asText();

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "Replace", "value": {"%1$s:employeeNumber": "42", "%1$s:department": "Ops"}}
                """
                    .formatted(Urns.ENTERPRISE_USER))));

    JsonNode user = Fixtures.getUser(client, id);
    assertEquals("42", user.path(Urns.ENTERPRISE_USER).path("employeeNumber").asText());
    assertEquals("Ops", user.path(Urns.ENTERPRISE_USER).path("department").asText());
    assertFalse(
        user.has(Urns.ENTERPRISE_USER + ":employeeNumber"),
        "a URN key is a path, not a new attribute");
  }

  @Test
  void noPathAddWithNestedExtensionObjectSetsExtensionAttributes() {
    String id = Fixtures.newUser(client, Unique.userName("nested-ext")).path("id").asText();

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "add", "value": {"%s": {"costCenter": "CC-7"}, "displayName": "Nested"}}
                """
                    .formatted(Urns.ENTERPRISE_USER))));

    JsonNode user = Fixtures.getUser(client, id);
    assertEquals("CC-7", user.path(Urns.ENTERPRISE_USER).path("costCenter").asText());
    assertEquals("Nested", user.path("displayName").asText());
  }

  @Test
  void noPathReplaceKeepsAttributesItDoesNotName() {
    String id =
        Fixtures.postUser(
                client,
                """
                {"schemas": ["%s"], "userName": "%s", "title": "Kept", "displayName": "Old"}
                """
                    .formatted(Urns.USER, Unique.userName("partial")))
            .path("id")
            .asText();

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "replace", "value": {"displayName": "New"}}
                """)));

    JsonNode user = Fixtures.getUser(client, id);
    assertEquals("New", user.path("displayName").asText());
    assertEquals("Kept", user.path("title").asText());
  }
}
