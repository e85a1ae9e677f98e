package dev.switchboard.conformance.auth;

import static dev.switchboard.conformance.support.ScimAssertions.assertListResponse;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static dev.switchboard.conformance.support.ScimAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.ScimResponse;
import dev.switchboard.conformance.support.ServerUnderTest;
import dev.switchboard.conformance.support.Unique;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** api.md "Scopes": who may call, and how a refusal looks. */
class AuthenticationTest {

  @Test
  void missingTokenGets401WithBearerChallengeAndScimError() {
    ScimResponse response = ScimClient.anonymous().get("/Users");

    assertScimError(response, 401);
    assertBearerChallenge(response);
  }

  @Test
  void unknownTokenGets401WithBearerChallengeAndScimError() {
    ScimResponse response =
        ScimClient.withAuthorization("Bearer not-a-token-" + Unique.tag()).get("/Users");

    assertScimError(response, 401);
    assertBearerChallenge(response);
  }

  @Test
  void unauthenticatedWriteIsRefusedAndChangesNothing() {
    String userName = Unique.userName("intruder");

    assertScimError(ScimClient.anonymous().post("/Users", Fixtures.userJson(userName)), 401);

    assertTrue(
        Fixtures.userNamesMatching(ScimClient.admin(), "userName eq \"" + userName + "\"")
            .isEmpty());
  }

  @Test
  void rawTokenWithoutBearerSchemeIsAcceptedAsOktaSendsIt() {
    String rawToken = ServerUnderTest.get().adminToken();

    assertListResponse(ScimClient.withAuthorization(rawToken).get("/Users"));
  }

  @Test
  void bearerSchemeIsCaseInsensitive() {
    // RFC 7235 §2.1: the auth-scheme is a case-insensitive token.
    String token = ServerUnderTest.get().adminToken();

    assertListResponse(ScimClient.withAuthorization("bearer " + token).get("/Users"));
  }

  @Test
  void healthzNeedsNoTokenAndAnswers200() {
    ScimResponse response = ScimClient.anonymous().requestAtRoot("GET", "/healthz").send();

    assertStatus(response, 200);
  }

  @Test
  void idpTokenCanReadAndWriteUsers() {
    assumeTrue(
        ServerUnderTest.get().idpToken() != null,
        "no idp token for this server (-Dswitchboard.idpToken)");
    ScimClient idp = ScimClient.idp();
    String userName = Unique.userName("idp-pushed");

    String id = Fixtures.newUser(idp, userName).path("id").asText();

    assertListResponse(idp.get("/Users"));
    assertEquals(userName, assertScimJson(idp.get("/Users/" + id), 200).path("userName").asText());
  }

  @Test
  void idpTokenCanReadDiscovery() {
    assumeTrue(
        ServerUnderTest.get().idpToken() != null,
        "no idp token for this server (-Dswitchboard.idpToken)");

    assertScimJson(ScimClient.idp().get("/ServiceProviderConfig"), 200);
  }

  private static void assertBearerChallenge(ScimResponse response) {
    String challenge = response.header("WWW-Authenticate").orElse("");
    assertTrue(
        challenge.toLowerCase(Locale.ROOT).startsWith("bearer"),
        () ->
            "401 must carry WWW-Authenticate: Bearer …, got '"
                + challenge
                + "': "
                + response.describe());
  }
}
