package dev.switchboard.conformance.users;

import static dev.switchboard.conformance.support.ScimAssertions.assertJsonBoolean;
import static dev.switchboard.conformance.support.ScimAssertions.assertNoContent;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Entra sends booleans as strings ({@code "True"}, {@code "False"}, {@code "false"}); they are
 * stored and returned as JSON booleans, in bodies and in filter literals.
 */
class BooleanStringsTest {

  private final ScimClient client = ScimClient.admin();

  @ParameterizedTest
  @CsvSource({"True, true", "False, false", "true, true", "false, false"})
  void activeAsStringOnPostIsStoredAsBoolean(String sent, boolean stored) {
    JsonNode created =
        Fixtures.postUser(
            client,
            """
                {"schemas": ["%s"], "userName": "%s", "active": "%s"}
                """
                .formatted(Urns.USER, Unique.userName("emp1"), sent));

    assertJsonBoolean(stored, created.path("active"), "active in the 201");
    assertJsonBoolean(
        stored, Fixtures.getUser(client, created.path("id").asText()).path("active"), "active");
  }

  @Test
  void activeAsStringOnPutIsStoredAsBoolean() {
    String userName = Unique.userName("put-bool");
    String id = Fixtures.newUser(client, userName).path("id").asText();

    assertScimJson(
        client.put(
            "/Users/" + id,
            """
                {"schemas": ["%s"], "userName": "%s", "active": "False"}
                """
                .formatted(Urns.USER, userName)),
        200);

    assertJsonBoolean(false, Fixtures.getUser(client, id).path("active"), "active");
  }

  @Test
  void activeAsStringOnPatchWithPathIsStoredAsBoolean() {
    String id = Fixtures.newUser(client, Unique.userName("patch-bool")).path("id").asText();

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "Replace", "path": "active", "value": "False"}
                """)));

    assertJsonBoolean(false, Fixtures.getUser(client, id).path("active"), "active");
  }

  @Test
  void activeAsStringInNoPathPatchIsStoredAsBoolean() {
    String id = Fixtures.newUser(client, Unique.userName("nopath-bool")).path("id").asText();

    assertNoContent(
        client.patch(
            "/Users/" + id,
            Fixtures.patch(
                """
                {"op": "replace", "value": {"active": "false"}}
                """)));

    assertJsonBoolean(false, Fixtures.getUser(client, id).path("active"), "active");
  }

  @Test
  void rolePrimaryAsStringIsStoredAsBoolean() {
    JsonNode created =
        Fixtures.postUser(
            client,
            """
                {"schemas": ["%s"], "userName": "%s",
                 "roles": [{"primary": "True", "type": "WindowsAzureActiveDirectoryRole", "value": "Admin"}]}
                """
                .formatted(Urns.USER, Unique.userName("role-bool")));

    JsonNode role = Fixtures.getUser(client, created.path("id").asText()).path("roles").path(0);
    assertEquals("Admin", role.path("value").asText());
    assertJsonBoolean(true, role.path("primary"), "roles[0].primary");
  }

  @Test
  void booleanStringLiteralsInFiltersMatchBooleans() {
    String tag = Unique.tag();
    String admin = tag + "-admin";
    String reader = tag + "-reader";
    String body =
        """
                {"schemas": ["%s"], "userName": "%s", "active": %s, "roles": [{"value": "%s", "primary": %s}]}
                """;
    Fixtures.postUser(client, body.formatted(Urns.USER, admin, "true", "Admin", "true"));
    Fixtures.postUser(client, body.formatted(Urns.USER, reader, "false", "Reader", "false"));

    assertEquals(
        Set.of(admin),
        Fixtures.userNamesMatching(
            client, "userName sw \"" + tag + "\" and roles[primary eq \"True\"]"));
    assertEquals(
        Set.of(admin),
        Fixtures.userNamesMatching(client, "userName sw \"" + tag + "\" and active eq \"True\""));
    assertEquals(
        Set.of(reader),
        Fixtures.userNamesMatching(client, "userName sw \"" + tag + "\" and active eq \"False\""));
  }
}
