package dev.switchboard.conformance.query;

import static dev.switchboard.conformance.support.ScimAssertions.assertListResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** POST {@code /.search} with a SearchRequest body (RFC 7644 §3.4.3). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRequestTest {

  private final ScimClient client = ScimClient.admin();
  private final String tag = Unique.tag();

  @BeforeAll
  void createUsers() {
    for (String who : new String[] {"c", "a", "b"}) {
      Fixtures.postUser(
          client,
          """
                    {"schemas": ["%s"], "userName": "%s-%s", "title": "Searcher", "displayName": "Search %s"}
                    """
              .formatted(Urns.USER, tag, who, who));
    }
  }

  @Test
  void usersSearchFiltersSortsPagesAndProjects() {
    JsonNode list =
        assertListResponse(
            client.post(
                "/Users/.search",
                """
                {"schemas": ["%s"], "filter": "userName sw \\"%s\\"", "attributes": ["userName"],
                 "sortBy": "userName", "sortOrder": "descending", "startIndex": 1, "count": 2}
                """
                    .formatted(Urns.SEARCH_REQUEST, tag)));

    assertEquals(3, list.path("totalResults").asInt());
    assertEquals(
        List.of(tag + "-c", tag + "-b"), Json.fieldTexts(list.path("Resources"), "userName"));
    JsonNode first = list.path("Resources").path(0);
    assertFalse(first.path("id").asText("").isEmpty(), "id is always returned");
    assertFalse(first.has("title"));
  }

  @Test
  void usersSearchHonoursExcludedAttributes() {
    JsonNode list =
        assertListResponse(
            client.post(
                "/Users/.search",
                """
                {"schemas": ["%s"], "filter": "userName eq \\"%s-a\\"", "excludedAttributes": ["title"]}
                """
                    .formatted(Urns.SEARCH_REQUEST, tag)));

    assertEquals(1, list.path("totalResults").asInt());
    JsonNode user = list.path("Resources").path(0);
    assertEquals("Search a", user.path("displayName").asText());
    assertFalse(user.has("title"));
  }

  @Test
  void groupsSearchFindsByDisplayName() {
    String displayName = Unique.groupName("Searchable");
    Fixtures.newGroup(client, displayName);

    JsonNode list =
        assertListResponse(
            client.post(
                "/Groups/.search",
                """
                {"schemas": ["%s"], "filter": "displayName eq \\"%s\\""}
                """
                    .formatted(Urns.SEARCH_REQUEST, displayName)));

    assertEquals(List.of(displayName), Json.fieldTexts(list.path("Resources"), "displayName"));
  }

  @Test
  void rootSearchFindsUsers() {
    JsonNode list =
        assertListResponse(
            client.post(
                "/.search",
                """
                {"schemas": ["%s"], "filter": "userName eq \\"%s-b\\""}
                """
                    .formatted(Urns.SEARCH_REQUEST, tag)));

    assertEquals(List.of(tag + "-b"), Json.fieldTexts(list.path("Resources"), "userName"));
  }
}
