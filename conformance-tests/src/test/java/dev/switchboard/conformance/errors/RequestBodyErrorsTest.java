package dev.switchboard.conformance.errors;

import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.ScimResponse;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Bodies the server cannot take: wrong media type, broken JSON, wrong JSON shape, too large. Each
 * changes nothing.
 */
class RequestBodyErrorsTest {

  private static final long TWENTY_MIB = 20L * 1024 * 1024;

  private final ScimClient client = ScimClient.admin();

  @Test
  void textPlainBodyIs415ScimErrorAndCreatesNothing() {
    String userName = Unique.userName("plain");

    ScimResponse response =
        client
            .request("POST", "/Users")
            .body("text/plain", Fixtures.userJson(userName).getBytes(StandardCharsets.UTF_8))
            .send();

    assertScimError(response, 415);
    assertNotCreated(userName);
  }

  @Test
  void malformedJsonIs400InvalidSyntaxAndCreatesNothing() {
    String userName = Unique.userName("junk");

    ScimResponse response =
        client.post(
            "/Users",
            """
                {"schemas": ["%s"], "userName": "%s", "acve": tre,
                 "adadfdresses": [{"coudftry": "Beruda", "locality": null,
                """
                .formatted(Urns.USER, userName));

    assertScimError(response, 400, "invalidSyntax");
    assertNotCreated(userName);
  }

  @Test
  void malformedJsonPatchIs400InvalidSyntax() {
    String id = Fixtures.newUser(client, Unique.userName("patched")).path("id").asText();

    assertScimError(
        client.patch("/Users/" + id, "{\"Operations\": [{\"op\": \"replace\","),
        400,
        "invalidSyntax");
  }

  @Test
  void jsonArrayInsteadOfObjectIs400() {
    assertScimError(client.post("/Users", "[]"), 400);
  }

  @Test
  void bodyOverTwentyMebibytesIs413ScimErrorAndCreatesNothing() {
    String userName = Unique.userName("huge");
    String padding = "x".repeat((int) (TWENTY_MIB + 1024 * 1024));
    String body =
        """
                {"schemas": ["%s"], "userName": "%s", "displayName": "%s"}
                """
            .formatted(Urns.USER, userName, padding);

    ScimResponse response;
    try {
      response = client.post("/Users", body);
    } catch (UncheckedIOException e) {
      throw new AssertionFailedError(
          "The client could not read an answer to an oversized body; the server must"
              + " answer 413 in a way a client sending the whole body can read: "
              + e.getMessage(),
          e);
    }

    assertScimError(response, 413);
    assertNotCreated(userName);
  }

  private void assertNotCreated(String userName) {
    JsonNode list = Fixtures.list(client, "/Users", "userName eq \"" + userName + "\"");
    assertEquals(0, list.path("totalResults").asInt(), "a failed request changes nothing");
  }
}
