package dev.switchboard.conformance.etag;

import static dev.switchboard.conformance.support.ScimAssertions.assertNoContent;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static dev.switchboard.conformance.support.ScimAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.ScimResponse;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * RFC 7644 §3.14: meta.version is the ETag; If-None-Match gives 304, a stale If-Match gives 412 and
 * changes nothing.
 */
class ETagTest {

  private static final String STALE = "W/\"stale-version\"";

  private final ScimClient client = ScimClient.admin();

  @Test
  void getCarriesETagHeaderEqualToMetaVersion() {
    String id = newUser("Any");

    ScimResponse response = client.get("/Users/" + id);

    JsonNode user = assertScimJson(response, 200);
    String version = user.path("meta").path("version").asText("");
    assertFalse(version.isBlank(), "meta.version");
    assertEquals(version, response.header("ETag").orElse(null), "ETag header equals meta.version");
  }

  @Test
  void ifNoneMatchWithCurrentVersionGives304() {
    String id = newUser("Any");

    ScimResponse response =
        client.request("GET", "/Users/" + id).header("If-None-Match", version(id)).send();

    assertStatus(response, 304);
    assertTrue(response.body().isEmpty(), response::describe);
  }

  @Test
  void ifNoneMatchWithStaleVersionGives200() {
    String id = newUser("Any");

    assertScimJson(
        client.request("GET", "/Users/" + id).header("If-None-Match", STALE).send(), 200);
  }

  @Test
  void everyWriteChangesTheVersion() {
    String id = newUser("Before");
    String before = version(id);

    assertNoContent(client.patch("/Users/" + id, replaceTitle("After")));

    assertNotEquals(before, version(id));
  }

  @Test
  void putWithStaleIfMatchIs412AndChangesNothing() {
    String id = newUser("Kept");
    String userName = Fixtures.getUser(client, id).path("userName").asText();

    ScimResponse response =
        client
            .request("PUT", "/Users/" + id)
            .header("If-Match", STALE)
            .json(putBody(userName, "Lost"))
            .send();

    assertScimError(response, 412);
    assertEquals("Kept", title(id));
  }

  @Test
  void patchWithStaleIfMatchIs412AndChangesNothing() {
    String id = newUser("Kept");

    ScimResponse response =
        client
            .request("PATCH", "/Users/" + id)
            .header("If-Match", STALE)
            .json(replaceTitle("Lost"))
            .send();

    assertScimError(response, 412);
    assertEquals("Kept", title(id));
  }

  @Test
  void deleteWithStaleIfMatchIs412AndKeepsTheUser() {
    String id = newUser("Kept");

    assertScimError(client.request("DELETE", "/Users/" + id).header("If-Match", STALE).send(), 412);

    assertEquals("Kept", title(id));
  }

  @Test
  void writesWithCurrentIfMatchSucceed() {
    String id = newUser("First");
    String userName = Fixtures.getUser(client, id).path("userName").asText();

    assertScimJson(
        client
            .request("PUT", "/Users/" + id)
            .header("If-Match", version(id))
            .json(putBody(userName, "Second"))
            .send(),
        200);
    assertEquals("Second", title(id));

    assertNoContent(
        client
            .request("PATCH", "/Users/" + id)
            .header("If-Match", version(id))
            .json(replaceTitle("Third"))
            .send());
    assertEquals("Third", title(id));

    assertNoContent(
        client.request("DELETE", "/Users/" + id).header("If-Match", version(id)).send());
    assertScimError(client.get("/Users/" + id), 404);
  }

  @Test
  void versionReadBeforeAnotherWriteIsStale() {
    String id = newUser("One");
    String old = version(id);
    assertNoContent(client.patch("/Users/" + id, replaceTitle("Two")));

    assertScimError(
        client
            .request("PATCH", "/Users/" + id)
            .header("If-Match", old)
            .json(replaceTitle("Three"))
            .send(),
        412);

    assertEquals("Two", title(id));
  }

  @Test
  void groupPatchWithStaleIfMatchIs412AndChangesNothing() {
    String groupId = Fixtures.newGroup(client, Unique.groupName("Guarded")).path("id").asText();
    String userId = Fixtures.newUser(client, Unique.userName("guarded")).path("id").asText();

    assertScimError(
        client
            .request("PATCH", "/Groups/" + groupId)
            .header("If-Match", STALE)
            .json(
                Fixtures.patch(
                    """
                        {"op": "add", "path": "members", "value": [{"value": "%s"}]}
                        """
                        .formatted(userId)))
            .send(),
        412);

    assertEquals(Set.of(), Fixtures.memberIds(Fixtures.getGroup(client, groupId)));
  }

  private String newUser(String title) {
    return Fixtures.postUser(client, putBody(Unique.userName("etag"), title)).path("id").asText();
  }

  private static String putBody(String userName, String title) {
    return """
                {"schemas": ["%s"], "userName": "%s", "title": "%s"}
                """
        .formatted(Urns.USER, userName, title);
  }

  private static String replaceTitle(String title) {
    return Fixtures.patch(
        """
                {"op": "replace", "path": "title", "value": "%s"}
                """
            .formatted(title));
  }

  private String version(String id) {
    return Fixtures.getUser(client, id).path("meta").path("version").asText();
  }

  private String title(String id) {
    return Fixtures.getUser(client, id).path("title").asText();
  }
}
