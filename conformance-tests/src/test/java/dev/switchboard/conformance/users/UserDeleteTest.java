package dev.switchboard.conformance.users;

import static dev.switchboard.conformance.support.ScimAssertions.assertNoContent;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.Unique;
import org.junit.jupiter.api.Test;

/** DELETE /Users/{id} (RFC 7644 §3.6). */
class UserDeleteTest {

  private final ScimClient client = ScimClient.admin();

  @Test
  void deleteReturns204ThenGetIs404ScimError() {
    String userName = Unique.userName("leaver");
    String id = Fixtures.newUser(client, userName).path("id").asText();

    assertNoContent(client.delete("/Users/" + id));

    assertScimError(client.get("/Users/" + id), 404);
    assertEquals(0, Fixtures.userNamesMatching(client, "userName eq \"" + userName + "\"").size());
  }

  @Test
  void deletingTwiceIs404TheSecondTime() {
    String id = Fixtures.newUser(client, Unique.userName("twice")).path("id").asText();
    assertNoContent(client.delete("/Users/" + id));

    assertScimError(client.delete("/Users/" + id), 404);
  }

  @Test
  void deletedUserNameCanBeUsedAgain() {
    String userName = Unique.userName("reborn");
    String id = Fixtures.newUser(client, userName).path("id").asText();
    assertNoContent(client.delete("/Users/" + id));

    Fixtures.newUser(client, userName);

    assertEquals(1, Fixtures.userNamesMatching(client, "userName eq \"" + userName + "\"").size());
  }
}
