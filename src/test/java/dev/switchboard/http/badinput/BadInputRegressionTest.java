package dev.switchboard.http.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bugs the bad-input properties found, each pinned by the smallest request that showed it. */
class BadInputRegressionTest {
  private static TestServer server;
  private static Wire wire;
  private static String userId;
  private static String groupId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    wire = new Wire(server.base());
    userId = server.createUser("regression@example.com");
    groupId = server.createGroup("Regression");
    server.patch(
        "/Groups/" + groupId,
        "{\"schemas\":[\""
            + Urns.PATCH_OP
            + "\"],\"Operations\":[{\"op\":\"add\",\"path\":"
            + "\"members\",\"value\":[{\"value\":\""
            + userId
            + "\"}]}]}");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void jsonFollowedByMoreJsonIsInvalidSyntaxNotItsFirstHalf() {
    Wire.Answer answer =
        wire.send(Probe.of("POST", "/Users", "{\"userName\":\"first\"} {\"userName\":\"second\"}"));
    assertEquals(400, answer.status(), answer.text());
    assertEquals("invalidSyntax", answer.body().path("scimType").asText());
    assertEquals(
        0,
        server
            .get("/Users?filter=userName%20eq%20%22first%22")
            .body()
            .path("totalResults")
            .asInt());
  }

  /** PostgreSQL cannot hold or even compare U+0000; both engines refuse it the same way. */
  @Test
  void aNulCharacterAnywhereIsRefusedOnEitherEngine() {
    Wire.Answer inBody =
        wire.send(
            Probe.of("POST", "/Users", "{\"userName\":\"nul\",\"displayName\":\"a\\u0000b\"}"));
    assertEquals(400, inBody.status(), inBody.text());
    assertEquals("invalidValue", inBody.body().path("scimType").asText());
    assertTrue(inBody.body().path("detail").asText().contains("/displayName"), inBody.text());

    Wire.Answer inPath = wire.send(Probe.of("DELETE", "/Users/" + userId + "%00", null));
    assertEquals(400, inPath.status(), inPath.text());
    assertEquals("invalidValue", inPath.body().path("scimType").asText());

    Wire.Answer inFilter =
        wire.send(Probe.of("GET", "/Users?filter=userName%20eq%20%22%5Cu0000%22", null));
    assertEquals(400, inFilter.status(), inFilter.text());
    assertEquals("invalidFilter", inFilter.body().path("scimType").asText());
    assertEquals(
        0,
        server.get("/Users?filter=userName%20eq%20%22nul%22").body().path("totalResults").asInt());
  }

  @Test
  void jsonNestedPastJacksonsLimitIsInvalidSyntaxNotA500() {
    String deep = "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000);
    Wire.Answer answer =
        wire.send(Probe.of("POST", "/Users", "{\"userName\":\"deep\",\"zz\":" + deep + "}"));
    assertEquals(400, answer.status(), answer.text());
    assertEquals("invalidSyntax", answer.body().path("scimType").asText());
  }

  @Test
  void anUnknownCharsetIs415NotA500() {
    Wire.Answer answer =
        wire.send(
            Probe.of("POST", "/Users", "{\"userName\":\"charset\"}")
                .with("Content-Type", "application/json; charset=bogus"));
    assertEquals(415, answer.status(), answer.text());
    assertEquals(Urns.ERROR, answer.body().path("schemas").get(0).asText());
  }

  @Test
  void aContentTypeThatIsNoMediaTypeIsAScim415() {
    Wire.Answer answer =
        wire.send(
            Probe.of("POST", "/Users", "{\"userName\":\"abc\"}").with("Content-Type", "a/b/c"));
    assertEquals(415, answer.status(), answer.text());
    assertTrue(answer.contentType().startsWith(Probe.SCIM_JSON), answer.contentType());
  }

  @Test
  void anUnreadableAcceptIsDisregarded() {
    Wire.Answer answer =
        wire.send(Probe.of("GET", "/Users/" + userId, null).with("Accept", "xShQ';=~h[O:\"az5Ek"));
    assertEquals(200, answer.status(), answer.text());
  }

  @Test
  void anUnreadableIfNoneMatchIsDisregardedNotA500() {
    Wire.Answer answer =
        wire.send(Probe.of("GET", "/Users/" + userId, null).with("If-None-Match", "~'o&rp/h-"));
    assertEquals(200, answer.status(), answer.text());
  }

  @Test
  void replacingASingleValuedAttributeWithAnEmptyArrayIsInvalidValue() {
    for (String operation :
        new String[] {
          "{\"op\":\"replace\",\"path\":\"active\",\"value\":[]}",
          "{\"op\":\"replace\",\"value\":{\"userName\":[]}}",
          "{\"op\":\"add\",\"path\":\"name.givenName\",\"value\":[]}"
        }) {
      Wire.Answer answer =
          wire.send(
              Probe.of(
                  "PATCH",
                  "/Users/" + userId,
                  "{\"schemas\":[\"" + Urns.PATCH_OP + "\"],\"Operations\":[" + operation + "]}"));
      assertEquals(400, answer.status(), operation + " → " + answer.text());
      assertEquals("invalidValue", answer.body().path("scimType").asText());
    }
    assertTrue(server.get("/Users/" + userId).body().path("active").asBoolean());
  }

  @Test
  void anEmptyArrayStillClearsAMultiValuedAttribute() {
    Wire.Answer answer =
        wire.send(
            Probe.of(
                "PATCH",
                "/Groups/" + groupId,
                "{\"schemas\":[\""
                    + Urns.PATCH_OP
                    + "\"],\"Operations\":"
                    + "[{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}]}"));
    assertEquals(204, answer.status(), answer.text());
    assertTrue(server.get("/Groups/" + groupId).body().path("members").isEmpty());
  }
}
