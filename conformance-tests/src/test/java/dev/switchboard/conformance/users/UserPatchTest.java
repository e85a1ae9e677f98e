package dev.switchboard.conformance.users;

import static dev.switchboard.conformance.support.ScimAssertions.assertNoContent;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.ScimResponse;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PATCH /Users/{id} basics (RFC 7644 §3.5.2): op names, answers, simple paths, bad requests. */
class UserPatchTest {

  private final ScimClient client = ScimClient.admin();

  @ParameterizedTest
  @ValueSource(strings = {"replace", "Replace", "REPLACE", "rePlace"})
  void replaceOpIsAcceptedInAnyCase(String op) {
    String id = userWithTitle("Before");

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "%s", "path": "title", "value": "After"}
                """
                    .formatted(op))));

    assertEquals("After", Fixtures.getUser(client, id).path("title").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"add", "Add", "ADD"})
  void addOpIsAcceptedInAnyCase(String op) {
    String id = userWithTitle("Any");

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "%s", "path": "nickName", "value": "Babs"}
                """
                    .formatted(op))));

    assertEquals("Babs", Fixtures.getUser(client, id).path("nickName").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"remove", "Remove", "REMOVE"})
  void removeOpIsAcceptedInAnyCase(String op) {
    String id = userWithTitle("Doomed");

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "%s", "path": "title"}
                """
                    .formatted(op))));

    assertFalse(Fixtures.getUser(client, id).hasNonNull("title"));
  }

  @Test
  void patchWithAttributesParameterAnswers200WithTheResource() {
    String id = userWithTitle("Before");

    ScimResponse response =
        client.patch(
            "/Users/" + id + "?attributes=title",
            Fixtures.patch(
                """
                {"op": "replace", "path": "title", "value": "After"}
                """));

    JsonNode user = assertScimJson(response, 200);
    assertEquals(id, user.path("id").asText());
    assertEquals("After", user.path("title").asText());
    assertFalse(user.has("userName"), "only the asked attributes (and id) come back");
  }

  @Test
  void patchWithExcludedAttributesParameterAnswers200WithTheResource() {
    String id = userWithTitle("Before");

    ScimResponse response =
        client.patch(
            "/Users/" + id + "?excludedAttributes=title",
            Fixtures.patch(
                """
                {"op": "replace", "path": "displayName", "value": "Shown"}
                """));

    JsonNode user = assertScimJson(response, 200);
    assertEquals("Shown", user.path("displayName").asText());
    assertFalse(user.has("title"));
  }

  @Test
  void subAttributePathReplacesOnlyThatSubAttribute() {
    String id =
        Fixtures.postUser(
                client,
                """
                {"schemas": ["%s"], "userName": "%s", "name": {"givenName": "Barbara", "familyName": "Jensen"}}
                """
                    .formatted(Urns.USER, Unique.userName("sub")))
            .path("id")
            .asText();

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "replace", "path": "name.givenName", "value": "Babs"}
                """)));

    JsonNode name = Fixtures.getUser(client, id).path("name");
    assertEquals("Babs", name.path("givenName").asText());
    assertEquals("Jensen", name.path("familyName").asText());
  }

  @Test
  void replaceUserNameIsVisibleToGet() {
    String id = userWithTitle("Any");
    String newName = Unique.userName("ryan3");

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "Replace", "path": "userName", "value": "%s"}
                """
                    .formatted(newName))));

    assertEquals(newName, Fixtures.getUser(client, id).path("userName").asText());
  }

  @Test
  void replaceUserNameWithATakenOneIs409AndChangesNothing() {
    String taken = Fixtures.newUser(client, Unique.userName("taken")).path("userName").asText();
    String id = userWithTitle("Any");
    String before = Fixtures.getUser(client, id).path("userName").asText();

    assertScimError(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "replace", "path": "userName", "value": "%s"}
                """
                    .formatted(taken.toUpperCase()))),
        409,
        "uniqueness");

    assertEquals(before, Fixtures.getUser(client, id).path("userName").asText());
  }

  @Test
  void emptyBodyIs400NotServerError() {
    String id = userWithTitle("Any");

    assertScimError(client.patch("/Users/" + id, ""), 400);
  }

  @Test
  void bodyWithoutOperationsIs400() {
    String id = userWithTitle("Any");

    assertScimError(
        client.patch("/Users/" + id, "{\"schemas\": [\"" + Urns.PATCH_OP + "\"]}"), 400);
  }

  @Test
  void removeWithoutPathIs400NoTarget() {
    // RFC 7644 §3.5.2.2: remove without a path fails with scimType noTarget.
    String id = userWithTitle("Kept");

    assertScimError(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "remove"}
                """)),
        400,
        "noTarget");

    assertEquals("Kept", Fixtures.getUser(client, id).path("title").asText());
  }

  @Test
  void failedOperationRollsBackTheWholePatch() {
    String id = userWithTitle("Kept");

    ScimResponse response =
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "replace", "path": "title", "value": "Changed"}
                """,
                """
                {"op": "remove"}
                """));

    assertScimError(response, 400);
    assertEquals(
        "Kept",
        Fixtures.getUser(client, id).path("title").asText(),
        "a failed request changes nothing");
  }

  @Test
  void patchOfUnknownUserIs404() {
    assertScimError(
        client.patch(
            "/Users/no-such-user-" + Unique.tag(),
            Fixtures.patch(
                """
                {"op": "replace", "path": "title", "value": "x"}
                """)),
        404);
  }

  private String userWithTitle(String title) {
    return Fixtures.postUser(
            client,
            """
                {"schemas": ["%s"], "userName": "%s", "title": "%s"}
                """
                .formatted(Urns.USER, Unique.userName("patch"), title))
        .path("id")
        .asText();
  }
}
