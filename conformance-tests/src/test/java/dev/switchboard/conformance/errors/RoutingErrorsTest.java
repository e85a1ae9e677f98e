package dev.switchboard.conformance.errors;

import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.ScimResponse;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unknown routes and wrong methods answer SCIM errors, never a container's HTML page. */
class RoutingErrorsTest {

  private final ScimClient client = ScimClient.admin();

  @Test
  void unknownScimRouteIs404ScimError() {
    assertScimError(client.get("/Printers"), 404);
  }

  @Test
  void unknownRouteOutsideScimIs404ScimError() {
    assertScimError(client.requestAtRoot("GET", "/no-such-page-" + Unique.tag()).send(), 404);
  }

  @ParameterizedTest
  @CsvSource({"PUT, /Users", "PATCH, /Users", "DELETE, /Users", "PUT, /Groups", "DELETE, /Groups"})
  void wrongMethodOnCollectionIs405ScimError(String method, String path) {
    ScimResponse response =
        client.request(method, path).json(Fixtures.userJson(Unique.userName("wrong"))).send();

    assertScimError(response, 405);
    assertTrue(
        response.header("Allow").isPresent(),
        () -> "RFC 9110 §15.5.6: a 405 lists Allow: " + response.describe());
  }

  @Test
  void postToASingleUserIs405ScimError() {
    String id = Fixtures.newUser(client, Unique.userName("target")).path("id").asText();

    assertScimError(client.post("/Users/" + id, Fixtures.userJson(Unique.userName("other"))), 405);
  }

  @Test
  void postToAGroupIdIs405ScimError() {
    String id = Fixtures.newGroup(client, Unique.groupName("Target")).path("id").asText();

    assertScimError(client.post("/Groups/" + id, "{\"schemas\": [\"" + Urns.GROUP + "\"]}"), 405);
  }
}
