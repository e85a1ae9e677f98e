package dev.switchboard.conformance.query;

import static dev.switchboard.conformance.support.ScimAssertions.assertListResponse;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.Query;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.ScimResponse;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code attributes} and {@code excludedAttributes} (RFC 7644 §3.4.2.5) on lists and single GETs;
 * id is always returned.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionTest {

  private final ScimClient client = ScimClient.admin();
  private final String userName = Unique.userName("projected");
  private String id;

  @BeforeAll
  void createUser() {
    id =
        Fixtures.postUser(
                client,
                """
                {"schemas": ["%s", "%s"], "userName": "%s", "title": "Engineer", "displayName": "Pro Jected",
                 "name": {"givenName": "Pro", "familyName": "Jected"},
                 "emails": [{"type": "work", "value": "work-%s@example.com"}, {"type": "home", "value": "home@example.org"}],
                 "%s": {"department": "Research", "employeeNumber": "77"}}
                """
                    .formatted(
                        Urns.USER, Urns.ENTERPRISE_USER, userName, userName, Urns.ENTERPRISE_USER))
            .path("id")
            .asText();
  }

  @Test
  void attributesOnListReturnOnlyThoseAndId() {
    JsonNode user = onlyListed("attributes", "userName");

    assertEquals(id, user.path("id").asText());
    assertEquals(userName, user.path("userName").asText());
    assertFalse(user.has("title"));
    assertFalse(user.has("emails"));
    assertFalse(user.has("name"));
  }

  @Test
  void attributesWithSubAttributeReturnOnlyThatSubAttribute() {
    JsonNode user = onlyListed("attributes", "name.givenName");

    assertEquals("Pro", user.path("name").path("givenName").asText());
    assertFalse(user.path("name").has("familyName"));
    assertFalse(user.has("userName"));
  }

  @Test
  void excludedAttributesOnListDropThose() {
    JsonNode user = onlyListed("excludedAttributes", "emails,title");

    assertFalse(user.has("emails"));
    assertFalse(user.has("title"));
    assertEquals(userName, user.path("userName").asText());
    assertEquals("Jected", user.path("name").path("familyName").asText());
  }

  @Test
  void attributesOnGetByIdReturnOnlyThoseAndId() {
    JsonNode user =
        assertScimJson(
            client.get("/Users/" + id + Query.of("attributes", "title,displayName")), 200);

    assertEquals(id, user.path("id").asText());
    assertEquals("Engineer", user.path("title").asText());
    assertEquals("Pro Jected", user.path("displayName").asText());
    assertFalse(user.has("userName"));
    assertFalse(user.has("emails"));
  }

  @Test
  void excludedAttributesOnGetByIdDropThose() {
    JsonNode user =
        assertScimJson(client.get("/Users/" + id + Query.of("excludedAttributes", "name")), 200);

    assertFalse(user.has("name"));
    assertEquals("Engineer", user.path("title").asText());
  }

  @Test
  void idCannotBeExcluded() {
    JsonNode user =
        assertScimJson(
            client.get("/Users/" + id + Query.of("excludedAttributes", "id,title")), 200);

    assertEquals(id, user.path("id").asText(), "id has returned=always (RFC 7643 §3.1)");
    assertFalse(user.has("title"));
  }

  @Test
  void extensionAttributeCanBeAskedForByFullUrn() {
    JsonNode user =
        assertScimJson(
            client.get(
                "/Users/" + id + Query.of("attributes", Urns.ENTERPRISE_USER + ":department")),
            200);

    assertEquals("Research", user.path(Urns.ENTERPRISE_USER).path("department").asText());
    assertFalse(user.path(Urns.ENTERPRISE_USER).has("employeeNumber"));
    assertFalse(user.has("title"));
  }

  @Test
  void attributesWithValueFilterAreAcceptedAsMicrosoftSendsThem() {
    ScimResponse response =
        client.get(
            "/Users"
                + Query.of(
                    "filter",
                    "userName eq \"" + userName + "\"",
                    "attributes",
                    "emails[type eq \"work\"]"));

    assertListResponse(response);
    assertTrue(response.body().contains("work-" + userName + "@example.com"), response::describe);
  }

  @Test
  void groupMembersCanBeExcluded() {
    String groupId =
        Fixtures.newGroup(client, Unique.groupName("Projected"), id).path("id").asText();

    JsonNode group =
        assertScimJson(client.get("/Groups/" + groupId + "?excludedAttributes=members"), 200);

    assertFalse(group.has("members"));
    assertTrue(group.path("displayName").asText().startsWith("Projected"));
  }

  private JsonNode onlyListed(String parameter, String value) {
    JsonNode list =
        assertListResponse(
            client.get(
                "/Users"
                    + Query.of("filter", "userName eq \"" + userName + "\"", parameter, value)));
    assertEquals(1, list.path("totalResults").asInt());
    return list.path("Resources").path(0);
  }
}
