package dev.switchboard.conformance.query;

import static dev.switchboard.conformance.support.ScimAssertions.assertListResponse;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.Query;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.Unique;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** RFC 7644 §3.4.2.3 sorting and §3.4.2.4 pagination: 1-based startIndex, count, stable pages. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingAndSortingTest {

  private static final int PEOPLE = 7;

  private final ScimClient client = ScimClient.admin();
  private final String tag = Unique.tag();
  private final List<String> sortedUserNames = new ArrayList<>();

  @BeforeAll
  void createPeople() {
    IntStream.rangeClosed(1, PEOPLE).forEach(i -> sortedUserNames.add(tag + "-u" + i));
    // Created out of order, so that insertion order and userName order differ.
    for (int i : new int[] {4, 1, 7, 3, 6, 2, 5}) {
      Fixtures.newUser(client, sortedUserNames.get(i - 1));
    }
  }

  @Test
  void startIndexAndCountSelectAOneBasedPage() {
    JsonNode page = page("startIndex", "4", "count", "3", "sortBy", "userName");

    assertEquals(PEOPLE, page.path("totalResults").asInt());
    assertEquals(4, page.path("startIndex").asInt());
    assertEquals(3, page.path("itemsPerPage").asInt());
    assertEquals(sortedUserNames.subList(3, 6), userNames(page));
  }

  @Test
  void lastPageHoldsTheRemainder() {
    JsonNode page = page("startIndex", "7", "count", "3", "sortBy", "userName");

    assertEquals(PEOPLE, page.path("totalResults").asInt());
    assertEquals(1, page.path("itemsPerPage").asInt());
    assertEquals(sortedUserNames.subList(6, 7), userNames(page));
  }

  @Test
  void sortByUserNameDescending() {
    JsonNode page = page("sortBy", "userName", "sortOrder", "descending");

    List<String> expected = new ArrayList<>(sortedUserNames);
    Collections.reverse(expected);
    assertEquals(expected, userNames(page));
  }

  @Test
  void sortByWithoutSortOrderIsAscending() {
    assertEquals(sortedUserNames, userNames(page("sortBy", "userName")));
  }

  @Test
  void countZeroReturnsOnlyTheTotal() {
    JsonNode list =
        assertScimJson(client.get("/Users" + Query.of("filter", scope(), "count", "0")), 200);

    assertEquals(PEOPLE, list.path("totalResults").asInt());
    assertEquals(0, list.path("Resources").size());
  }

  @Test
  void startIndexBelowOneIsTreatedAsOne() {
    JsonNode page = page("startIndex", "0", "count", "2", "sortBy", "userName");

    assertEquals(1, page.path("startIndex").asInt());
    assertEquals(sortedUserNames.subList(0, 2), userNames(page));
  }

  @Test
  void startIndexPastTheEndGivesAnEmptyPage() {
    JsonNode page = page("startIndex", "100", "count", "5");

    assertEquals(PEOPLE, page.path("totalResults").asInt());
    assertEquals(0, page.path("Resources").size());
  }

  @Test
  void pagingWithoutSortByIsStableAndComplete() {
    List<String> seen = new ArrayList<>();
    for (int startIndex = 1; startIndex <= PEOPLE; startIndex += 2) {
      JsonNode page = page("startIndex", String.valueOf(startIndex), "count", "2");
      assertEquals(PEOPLE, page.path("totalResults").asInt());
      seen.addAll(userNames(page));
    }

    assertEquals(PEOPLE, seen.size(), () -> "pages overlapped or skipped: " + seen);
    assertEquals(new HashSet<>(sortedUserNames), Set.copyOf(seen));
  }

  private JsonNode page(String... parameters) {
    String[] withFilter = new String[parameters.length + 2];
    withFilter[0] = "filter";
    withFilter[1] = scope();
    System.arraycopy(parameters, 0, withFilter, 2, parameters.length);
    JsonNode list = assertListResponse(client.get("/Users" + Query.of(withFilter)));
    assertTrue(list.path("itemsPerPage").isIntegralNumber(), "itemsPerPage");
    assertEquals(
        list.path("Resources").size(),
        list.path("itemsPerPage").asInt(),
        "itemsPerPage counts this page");
    return list;
  }

  private String scope() {
    return "userName sw \"" + tag + "-u\"";
  }

  private static List<String> userNames(JsonNode list) {
    return Json.fieldTexts(list.path("Resources"), "userName");
  }
}
