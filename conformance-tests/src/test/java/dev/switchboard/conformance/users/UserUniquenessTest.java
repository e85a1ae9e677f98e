package dev.switchboard.conformance.users;

import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** userName is unique case-insensitively (RFC 7643 §4.1.1); externalId is not unique at all. */
class UserUniquenessTest {

  private final ScimClient client = ScimClient.admin();

  @Test
  void duplicateUserNameIs409Uniqueness() {
    String userName = Unique.userName("emp3");
    Fixtures.newUser(client, userName);

    assertScimError(client.post("/Users", Fixtures.userJson(userName)), 409, "uniqueness");

    assertEquals(1, Fixtures.count(client, "/Users", "userName eq \"" + userName + "\""));
  }

  @Test
  void duplicateUserNameInAnotherCaseIs409Uniqueness() {
    String userName = Unique.userName("alice");
    Fixtures.newUser(client, userName);

    assertScimError(
        client.post("/Users", Fixtures.userJson(userName.toUpperCase(Locale.ROOT))),
        409,
        "uniqueness");

    assertEquals(1, Fixtures.count(client, "/Users", "userName eq \"" + userName + "\""));
  }

  @Test
  void externalIdMayRepeatAcrossUsers() {
    String externalId = "22fbc523-" + Unique.tag();
    String body =
        """
                {"schemas": ["%s"], "userName": %s, "externalId": "%s"}
                """;

    Fixtures.postUser(
        client, body.formatted(Urns.USER, Json.quote(Unique.userName("twin")), externalId));
    Fixtures.postUser(
        client, body.formatted(Urns.USER, Json.quote(Unique.userName("twin")), externalId));

    assertEquals(2, Fixtures.count(client, "/Users", "externalId eq \"" + externalId + "\""));
  }
}
