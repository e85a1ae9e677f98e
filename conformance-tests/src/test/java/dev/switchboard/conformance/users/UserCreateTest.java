package dev.switchboard.conformance.users;

import static dev.switchboard.conformance.support.ScimAssertions.assertDateTime;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.Query;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.ScimResponse;
import dev.switchboard.conformance.support.ServerUnderTest;
import dev.switchboard.conformance.support.Unique;
import dev.switchboard.conformance.support.Urns;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** POST /Users and GET /Users/{id} (RFC 7644 §3.3, §3.4.1), with the lenient inputs IdPs send. */
class UserCreateTest {

  private final ScimClient client = ScimClient.admin();

  @Test
  void createUserReturns201WithLocationAndMeta() {
    String userName = Unique.userName("bjensen");
    OffsetDateTime before = OffsetDateTime.now().minusMinutes(5);

    ScimResponse response = client.post("/Users", Fixtures.userJson(userName));

    JsonNode user = assertScimJson(response, 201);
    String id = user.path("id").asText();
    assertFalse(id.isBlank(), "id must be assigned");
    assertEquals(userName, user.path("userName").asText());
    assertTrue(Json.texts(user.path("schemas")).contains(Urns.USER));
    JsonNode meta = user.path("meta");
    assertEquals("User", meta.path("resourceType").asText());
    assertEquals(
        ServerUnderTest.get().baseUrl() + "/Users/" + id,
        meta.path("location").asText(),
        "meta.location is the absolute URL of the resource");
    assertEquals(
        meta.path("location").asText(),
        response.header("Location").orElse(null),
        "Location header equals meta.location");
    assertTrue(assertDateTime(meta.path("created"), "meta.created").isAfter(before));
    assertDateTime(meta.path("lastModified"), "meta.lastModified");
    assertFalse(meta.path("version").asText("").isBlank(), "meta.version must be set");
  }

  @Test
  void getByIdReturnsTheStoredUser() {
    String userName = Unique.userName("babs");
    JsonNode created =
        Fixtures.postUser(
            client,
            """
                {"schemas": ["%s"], "userName": "%s", "displayName": "Babs Jensen", "title": "Tour Guide",
                 "name": {"givenName": "Barbara", "familyName": "Jensen"},
                 "emails": [{"value": "babs@example.com", "type": "work", "primary": true}]}
                """
                .formatted(Urns.USER, userName));

    JsonNode fetched = Fixtures.getUser(client, created.path("id").asText());

    assertEquals(created.path("id").asText(), fetched.path("id").asText());
    assertEquals(userName, fetched.path("userName").asText());
    assertEquals("Babs Jensen", fetched.path("displayName").asText());
    assertEquals("Tour Guide", fetched.path("title").asText());
    assertEquals("Jensen", fetched.path("name").path("familyName").asText());
    assertEquals("babs@example.com", fetched.path("emails").path(0).path("value").asText());
    assertEquals(created.path("meta").path("location"), fetched.path("meta").path("location"));
  }

  @Test
  void getUnknownIdIs404ScimError() {
    assertScimError(client.get("/Users/no-such-user-" + Unique.tag()), 404);
  }

  @Test
  void missingUserNameIs400AndCreatesNothing() {
    String externalId = "no-username-" + Unique.tag();

    ScimResponse response =
        client.post(
            "/Users",
            """
                {"schemas": ["%s"], "externalId": "%s", "displayName": "Nobody"}
                """
                .formatted(Urns.USER, externalId));

    // RFC 7644 §3.12: invalidValue covers "a required value was missing".
    assertScimError(response, 400, "invalidValue");
    assertEquals(0, Fixtures.count(client, "/Users", "externalId eq \"" + externalId + "\""));
  }

  @Test
  void passwordIsAcceptedAndNeverReturned() {
    String userName = Unique.userName("secret");

    ScimResponse response =
        client.post(
            "/Users",
            """
                {"schemas": ["%s"], "userName": "%s", "password": "t1meMa$heen"}
                """
                .formatted(Urns.USER, userName));

    JsonNode created = assertScimJson(response, 201);
    String id = created.path("id").asText();
    assertFalse(response.body().contains("t1meMa$heen"), "password must not be echoed");
    assertFalse(created.has("password"));
    assertFalse(Fixtures.getUser(client, id).has("password"));
    assertFalse(client.get("/Users/" + id + "?attributes=password").body().contains("t1meMa$heen"));
    assertFalse(
        client
            .get("/Users" + Query.filter("userName eq \"" + userName + "\""))
            .body()
            .contains("t1meMa$heen"));
  }

  @Test
  void clientSentIdAndMetaAreIgnored() {
    String userName = Unique.userName("meta");

    JsonNode created =
        Fixtures.postUser(
            client,
            """
                {"schemas": ["%s"], "userName": "%s", "id": "client-chosen-id",
                 "meta": {"created": "2019-09-18T18:15:26.5788954+00:00",
                          "lastModified": "2019-09-18T18:15:26.5788976+00:00", "resourceType": "User"}}
                """
                .formatted(Urns.USER, userName));

    assertNotEquals("client-chosen-id", created.path("id").asText());
    JsonNode fetched = Fixtures.getUser(client, created.path("id").asText());
    assertTrue(
        assertDateTime(fetched.path("meta").path("created"), "meta.created").getYear() > 2019);
    assertEquals(userName, fetched.path("userName").asText());
  }

  @Test
  void explicitNullsAreAcceptedAndStoreNothing() {
    String userName = Unique.userName("nulls");

    JsonNode created =
        Fixtures.postUser(
            client,
            """
                {"schemas": ["%s"], "userName": "%s", "displayName": null, "title": null, "emails": null,
                 "name": {"givenName": "Nell", "familyName": null, "honorificPrefix": null},
                 "addresses": [{"type": "other", "formatted": "18522 Lisa Unions", "country": null, "locality": null}]}
                """
                .formatted(Urns.USER, userName));

    JsonNode fetched = Fixtures.getUser(client, created.path("id").asText());
    assertFalse(fetched.hasNonNull("displayName"));
    assertFalse(fetched.hasNonNull("title"));
    assertEquals("Nell", fetched.path("name").path("givenName").asText());
    assertFalse(fetched.path("name").hasNonNull("familyName"));
    assertEquals("18522 Lisa Unions", fetched.path("addresses").path(0).path("formatted").asText());
  }

  @Test
  void attributeNamesInTheBodyAreCaseInsensitive() {
    // RFC 7643 §2.1; Microsoft's collection sends "Primary", "Department", "Manager": {"Value": …}.
    String userName = Unique.userName("casey");

    JsonNode created =
        Fixtures.postUser(
            client,
            """
                {"schemas": ["%s"], "UserName": "%s", "DisplayName": "Casey",
                 "emails": [{"Primary": true, "type": "work", "value": "casey@example.com"}]}
                """
                .formatted(Urns.USER, userName));

    JsonNode fetched = Fixtures.getUser(client, created.path("id").asText());
    assertEquals(userName, fetched.path("userName").asText());
    assertEquals("Casey", fetched.path("displayName").asText());
    assertTrue(fetched.path("emails").path(0).path("primary").asBoolean(false));
  }
}
