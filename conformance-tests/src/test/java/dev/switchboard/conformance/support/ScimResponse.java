package dev.switchboard.conformance.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * One HTTP answer: status, headers and the body as text, with the request it answered (for failure
 * messages). Immutable.
 */
public record ScimResponse(String request, int status, HttpHeaders headers, String body) {

  private static final int MAX_BODY_IN_MESSAGES = 2_000;

  /** The body parsed as JSON; fails the test, showing the body, when it is not JSON. */
  public JsonNode json() {
    try {
      return Json.parse(body);
    } catch (IllegalArgumentException e) {
      throw new AssertionFailedError("Body is not JSON: " + describe(), e);
    }
  }

  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  public String contentType() {
    return header("Content-Type").orElse("");
  }

  /**
   * True when the media type (parameters such as charset aside) is {@code application/scim+json}.
   */
  public boolean isScimJson() {
    String mediaType = contentType().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return mediaType.equals(ScimClient.SCIM_JSON);
  }

  /** The request and the answer in one line, for assertion messages. */
  public String describe() {
    String shown =
        body.length() > MAX_BODY_IN_MESSAGES ? body.substring(0, MAX_BODY_IN_MESSAGES) + "…" : body;
    return request + " → " + status + " [" + contentType() + "] " + shown;
  }
}
