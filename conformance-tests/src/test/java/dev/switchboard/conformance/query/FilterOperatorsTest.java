package dev.switchboard.conformance.query;

import static dev.switchboard.conformance.support.ScimAssertions.assertListResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.Query;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.Unique;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** RFC 7644 §3.4.2.2 filters on /Users: every operator, logic, value paths and sub-attributes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterOperatorsTest {

  private final ScimClient client = ScimClient.admin();
  private FilterPeople people;

  @BeforeAll
  void createPeople() {
    people = new FilterPeople(client);
  }

  @Test
  void eqMatchesTheWholeValue() {
    assertEquals(Set.of(people.alice), people.matching(client, "name.familyName eq \"Smith\""));
  }

  @Test
  void eqIgnoresCaseOnCaseInsensitiveAttributes() {
    assertEquals(Set.of(people.alice), people.matching(client, "name.familyName eq \"SMITH\""));
  }

  @Test
  void neMatchesEverythingElse() {
    assertEquals(
        Set.of(people.bob, people.carol), people.matching(client, "name.familyName ne \"Smith\""));
  }

  @Test
  void coMatchesSubstrings() {
    assertEquals(
        Set.of(people.alice, people.carol), people.matching(client, "name.familyName co \"mit\""));
  }

  @Test
  void swMatchesPrefixes() {
    assertEquals(
        Set.of(people.alice, people.carol), people.matching(client, "name.familyName sw \"Smi\""));
  }

  @Test
  void ewMatchesSuffixes() {
    assertEquals(Set.of(people.carol), people.matching(client, "name.familyName ew \"son\""));
  }

  @Test
  void gtGeLtLeCompareStringsLexically() {
    String bob = "\"" + people.bob + "\"";
    assertEquals(Set.of(people.carol), people.matching(client, "userName gt " + bob));
    assertEquals(Set.of(people.bob, people.carol), people.matching(client, "userName ge " + bob));
    assertEquals(Set.of(people.alice), people.matching(client, "userName lt " + bob));
    assertEquals(Set.of(people.alice, people.bob), people.matching(client, "userName le " + bob));
  }

  @Test
  void gtAndLtCompareDateTimes() {
    Set<String> everyone = Set.of(people.alice, people.bob, people.carol);
    assertEquals(everyone, people.matching(client, "meta.created gt \"2015-10-10T14:38:21Z\""));
    assertEquals(
        everyone, people.matching(client, "meta.lastModified ge \"2015-10-10T14:38:21Z\""));
    assertEquals(Set.of(), people.matching(client, "meta.created lt \"2015-10-10T14:38:21Z\""));
    assertEquals(Set.of(), people.matching(client, "meta.created le \"2015-10-10T14:38:21Z\""));
  }

  @Test
  void prMatchesPresentAttributes() {
    assertEquals(Set.of(people.alice, people.bob), people.matching(client, "title pr"));
  }

  @Test
  void orAndParenthesesCombine() {
    assertEquals(
        Set.of(people.alice, people.bob),
        people.matching(client, "name.familyName eq \"Jones\" or title eq \"Engineer\""));
    assertEquals(
        Set.of(people.alice),
        people.matching(
            client, "(name.familyName eq \"Jones\" or title eq \"Engineer\") and active eq true"));
  }

  @Test
  void notNegatesAGroup() {
    assertEquals(Set.of(people.carol), people.matching(client, "not (title pr)"));
  }

  @Test
  void valuePathFilterMatchesWithinOneElement() {
    String filter = "emails[type eq \"work\" and value co \"@" + people.tag + ".example.com\"]";

    assertEquals(Set.of(people.alice), people.matching(client, filter));
  }

  @Test
  void subAttributeOfMultiValuedAttributeMatchesAnyElement() {
    assertEquals(
        Set.of(people.alice, people.carol), people.matching(client, "emails.type eq \"home\""));
  }

  @Test
  void userNameEqIgnoresCase() {
    String filter = "userName eq \"" + people.alice.toUpperCase(Locale.ROOT) + "\"";

    assertEquals(Set.of(people.alice), Fixtures.userNamesMatching(client, filter));
  }

  @Test
  void externalIdEqIsCaseExact() {
    assertEquals(
        Set.of(people.alice),
        Fixtures.userNamesMatching(client, "externalId eq \"ext-" + people.tag + "-Alice\""));
    assertEquals(
        Set.of(),
        Fixtures.userNamesMatching(
            client, "externalId eq \"EXT-" + people.tag.toUpperCase(Locale.ROOT) + "-ALICE\""));
  }

  @Test
  void idEqFindsThatResource() {
    assertEquals(
        Set.of(people.alice),
        Fixtures.userNamesMatching(client, "id eq \"" + people.aliceId + "\""));
  }

  @Test
  void emptyResultIs200WithZeroTotalAndEmptyResources() {
    JsonNode list =
        assertListResponse(
            client.get("/Users" + Query.filter("userName eq \"" + people.tag + "-nobody\"")));

    assertEquals(0, list.path("totalResults").asInt());
    assertEquals(0, list.path("Resources").size());
  }

  @Test
  void emptyGroupResultIs200WithEmptyResources() {
    JsonNode list =
        assertListResponse(
            client.get(
                "/Groups" + Query.filter("displayName eq \"nothing " + Unique.tag() + "\"")));

    assertEquals(0, list.path("totalResults").asInt());
    assertEquals(0, list.path("Resources").size());
  }
}
