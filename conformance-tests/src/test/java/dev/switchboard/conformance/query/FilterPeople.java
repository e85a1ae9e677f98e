package dev.switchboard.conformance.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import java.util.Set;

/**
 * Three users that only one test class sees, told apart by a fresh {@link #tag}: every filter is
 * scoped with {@code userName sw "<tag>"} so that other data on the server never matters.
 *
 * <pre>
 *   userName      familyName  title     active  emails                                      externalId
 *   TAG-alice     Smith       Engineer  true    work alice@TAG.example.com, home …org       ext-TAG-Alice
 *   TAG-bob       Jones       Manager   false   work bob@TAG.example.org                    ext-TAG-bob
 *   TAG-carol     Smithson    —         true    home carol@TAG.example.com                  jyoungTAG
 * </pre>
 *
 * Immutable once created.
 */
final class FilterPeople {

  final String tag = Unique.tag();
  final String alice = tag + "-alice";
  final String bob = tag + "-bob";
  final String carol = tag + "-carol";
  final String aliceId;

  FilterPeople(ScimClient client) {
    aliceId =
        create(
                client,
                alice,
                "Alice",
                "Smith",
                "Engineer",
                true,
                "ext-" + tag + "-Alice",
                """
                [{"type": "work", "value": "alice@%1$s.example.com"}, {"type": "home", "value": "alice@home.example.org"}]
                """
                    .formatted(tag))
            .path("id")
            .asText();
    create(
        client,
        bob,
        "Bob",
        "Jones",
        "Manager",
        false,
        "ext-" + tag + "-bob",
        """
                [{"type": "work", "value": "bob@%s.example.org"}]
                """
            .formatted(tag));
    create(
        client,
        carol,
        "Carol",
        "Smithson",
        null,
        true,
        "jyoung" + tag,
        """
                [{"type": "home", "value": "carol@%s.example.com"}]
                """
            .formatted(tag));
  }

  /** The userNames matching {@code userName sw "<tag>" and (<expression>)}. */
  Set<String> matching(ScimClient client, String expression) {
    return Fixtures.userNamesMatching(client, scoped(expression));
  }

  /** {@code expression} limited to these three users. */
  String scoped(String expression) {
    return "userName sw \"" + tag + "\" and (" + expression + ")";
  }

  private static JsonNode create(
      ScimClient client,
      String userName,
      String givenName,
      String familyName,
      String title,
      boolean active,
      String externalId,
      String emailsJson) {
    String titleMember = title == null ? "" : "\"title\": \"" + title + "\",";
    return Fixtures.postUser(
        client,
        """
                {"schemas": ["%s"], "userName": "%s", "externalId": "%s", "active": %s, %s
                 "name": {"givenName": "%s", "familyName": "%s"}, "emails": %s}
                """
            .formatted(
                Urns.USER,
                userName,
                externalId,
                active,
                titleMember,
                givenName,
                familyName,
                emailsJson));
  }
}
