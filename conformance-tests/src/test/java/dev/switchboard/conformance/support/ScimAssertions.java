package dev.switchboard.conformance.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.opentest4j.AssertionFailedError;

/** Assertions on SCIM answers; each failure message shows the request and the whole answer. */
public final class ScimAssertions {

  private ScimAssertions() {}

  public static void assertStatus(ScimResponse response, int expected) {
    assertEquals(expected, response.status(), () -> "Unexpected status: " + response.describe());
  }

  /** Asserts a 2xx of any kind (for writes whose exact success code the contract leaves open). */
  public static void assertSuccessful(ScimResponse response) {
    assertTrue(
        response.status() >= 200 && response.status() < 300,
        () -> "Expected 2xx: " + response.describe());
  }

  /**
   * Asserts the status and {@code Content-Type: application/scim+json}; returns the parsed body.
   */
  public static JsonNode assertScimJson(ScimResponse response, int expectedStatus) {
    assertStatus(response, expectedStatus);
    assertTrue(
        response.isScimJson(),
        () -> "Expected Content-Type application/scim+json: " + response.describe());
    return response.json();
  }

  /** Asserts {@code 204 No Content} with an empty body. */
  public static void assertNoContent(ScimResponse response) {
    assertStatus(response, 204);
    assertTrue(response.body().isEmpty(), () -> "A 204 must have no body: " + response.describe());
  }

  /** Asserts an RFC 7644 §3.12 error of that status, whatever its scimType; returns it. */
  public static JsonNode assertScimError(ScimResponse response, int expectedStatus) {
    JsonNode error = assertScimJson(response, expectedStatus);
    assertTrue(
        Json.texts(error.path("schemas")).contains(Urns.ERROR),
        () -> "Error body must list " + Urns.ERROR + " in schemas: " + response.describe());
    JsonNode status = error.path("status");
    assertTrue(
        status.isTextual(), () -> "Error status must be a JSON string: " + response.describe());
    assertEquals(
        String.valueOf(expectedStatus),
        status.asText(),
        () -> "Error status: " + response.describe());
    assertFalse(
        error.path("detail").asText("").isBlank(),
        () -> "Error must carry a detail: " + response.describe());
    return error;
  }

  /**
   * As {@link #assertScimError(ScimResponse, int)}, and the {@code scimType} must be the one given.
   */
  public static JsonNode assertScimError(
      ScimResponse response, int expectedStatus, String scimType) {
    JsonNode error = assertScimError(response, expectedStatus);
    assertEquals(
        scimType, error.path("scimType").asText(null), () -> "scimType: " + response.describe());
    return error;
  }

  /**
   * Asserts a 200 ListResponse with {@code totalResults} and a present {@code Resources} array;
   * returns it.
   */
  public static JsonNode assertListResponse(ScimResponse response) {
    JsonNode list = assertScimJson(response, 200);
    assertTrue(
        Json.texts(list.path("schemas")).contains(Urns.LIST_RESPONSE),
        () -> "schemas must list " + Urns.LIST_RESPONSE + ": " + response.describe());
    assertTrue(
        list.path("totalResults").isIntegralNumber(), () -> "totalResults: " + response.describe());
    assertTrue(
        list.path("Resources").isArray(),
        () -> "Resources must be present, even empty: " + response.describe());
    return list;
  }

  /** Asserts an RFC 3339 date-time with an offset (xsd:dateTime as RFC 7643 §2.3.5 wants). */
  public static OffsetDateTime assertDateTime(JsonNode value, String what) {
    assertTrue(value.isTextual(), () -> what + " must be a date-time string, was " + value);
    try {
      return OffsetDateTime.parse(value.asText());
    } catch (DateTimeParseException e) {
      throw new AssertionFailedError(what + " is not an RFC 3339 date-time: " + value, e);
    }
  }

  /** Asserts that {@code value} is a JSON boolean (not the string "True"). */
  public static void assertJsonBoolean(boolean expected, JsonNode value, String what) {
    assertTrue(value.isBoolean(), () -> what + " must be a JSON boolean, was " + value);
    assertEquals(expected, value.booleanValue(), what);
  }
}
