package dev.switchboard.conformance.errors;

import static dev.switchboard.conformance.support.ScimAssertions.assertListResponse;
import static dev.switchboard.conformance.support.ScimAssertions.assertNoContent;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.Unique;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What Microsoft's collection sends: application/json bodies, {@code /users}, and {@code
 * /Users/?filter=…}.
 */
class LenientRoutingTest {

  private final ScimClient client = ScimClient.admin();

  @Test
  void bodySentAsApplicationJsonIsAccepted() {
    String userName = Unique.userName("json");

    JsonNode created =
        assertScimJson(
            client
                .request("POST", "/Users")
                .body(
                    "application/json",
                    Fixtures.userJson(userName).getBytes(StandardCharsets.UTF_8))
                .send(),
            201);

    assertEquals(
        userName, Fixtures.getUser(client, created.path("id").asText()).path("userName").asText());
  }

  @Test
  void patchSentAsApplicationJsonIsAccepted() {
    String id = Fixtures.newUser(client, Unique.userName("json-patch")).path("id").asText();

    assertNoContent(
        client
            .request("PATCH", "/Users/" + id)
            .body(
                "application/json",
                Fixtures.patch(
                        """
                {"op": "replace", "path": "title", "value": "Via JSON"}
                """)
                    .getBytes(StandardCharsets.UTF_8))
            .send());

    assertEquals("Via JSON", Fixtures.getUser(client, id).path("title").asText());
  }

  @Test
  void lowercaseEndpointNamesAreServed() {
    String userName = Unique.userName("lower");
    Fixtures.newUser(client, userName);

    assertListResponse(client.get("/users"));
    assertListResponse(client.get("/groups"));
    JsonNode list =
        assertListResponse(client.get("/users?filter=userName%20eq%20%22" + userName + "%22"));
    assertEquals(List.of(userName), Json.fieldTexts(list.path("Resources"), "userName"));
  }

  @Test
  void trailingSlashOnCollectionIsServed() {
    String userName = Unique.userName("slash");
    Fixtures.newUser(client, userName);

    JsonNode list =
        assertListResponse(client.get("/Users/?filter=userName+eq+%22" + userName + "%22"));

    assertEquals(List.of(userName), Json.fieldTexts(list.path("Resources"), "userName"));
  }

  @Test
  void lowercaseSingleResourcePathIsServed() {
    String id = Fixtures.newUser(client, Unique.userName("lower-one")).path("id").asText();

    assertEquals(id, assertScimJson(client.get("/users/" + id), 200).path("id").asText());
  }
}
