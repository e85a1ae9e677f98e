package dev.switchboard.conformance.query;

import static dev.switchboard.conformance.support.ScimAssertions.assertListResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.RawHttp;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.ScimResponse;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Filters as real clients send them, not as RFC 7644 spells them: {@code +} for spaces, raw quotes
 * and brackets in the query string (Entra's validator), unquoted values and attribute names in any
 * case (Microsoft's collection).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterLeniencyTest {

  private final ScimClient client = ScimClient.admin();
  private FilterPeople people;

  @BeforeAll
  void createPeople() {
    people = new FilterPeople(client);
  }

  @Test
  void plusInTheQueryStringDecodesToSpace() {
    ScimResponse response = client.get("/Users?filter=userName+eq+%22" + people.alice + "%22");

    assertEquals(Set.of(people.alice), userNames(response));
  }

  @Test
  void rawQuotesAndBracketsInTheQueryStringAreAccepted() {
    String filter = "emails[type eq \"work\" and value co \"@" + people.tag + ".example.com\"]";

    ScimResponse response = RawHttp.get("/Users?filter=" + filter.replace(" ", "%20"));

    assertEquals(Set.of(people.alice), userNames(response));
  }

  @Test
  void rawQuotesInASimpleFilterAreAccepted() {
    ScimResponse response = RawHttp.get("/Users?filter=userName%20eq%20\"" + people.bob + "\"");

    assertEquals(Set.of(people.bob), userNames(response));
  }

  @Test
  void unquotedValueIsAccepted() {
    assertEquals(
        Set.of(people.carol), people.matching(client, "externalId eq jyoung" + people.tag));
  }

  @Test
  void unquotedValuesInCompoundFilterAreAccepted() {
    // The shape of Microsoft's "filter eq and (val or val)" request.
    String filter =
        "name.FamilyName eq Smith and (emails.Value co "
            + people.tag
            + ".example.com"
            + " or emails.Value co example.net)";

    assertEquals(Set.of(people.alice), people.matching(client, filter));
  }

  @Test
  void attributeNamesMatchInAnyCase() {
    assertEquals(
        Set.of(people.alice), people.matching(client, "UserName eq \"" + people.alice + "\""));
    assertEquals(Set.of(people.alice), people.matching(client, "name.FamilyName eq \"Smith\""));
    assertEquals(Set.of(people.bob), people.matching(client, "Emails.Value co \"bob@\""));
  }

  @Test
  void unquotedDateTimeWithSevenFractionalDigitsIsAccepted() {
    assertEquals(
        Set.of(people.alice, people.bob, people.carol),
        people.matching(client, "meta.Created gt 2015-10-10T14:38:21.8617979-07:00"));
  }

  private static Set<String> userNames(ScimResponse response) {
    JsonNode list = assertListResponse(response);
    return Json.fieldTextSet(list.path("Resources"), "userName");
  }
}
