package dev.switchboard.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.scim.NulCharacters;
import java.util.Optional;

/** Request bodies in, response bodies out, with the SDK's (case-insensitive) JSON model. */
final class JsonBodies {
  /**
   * Jackson stops after the first value by default, so {@code {"a":1} garbage} would read as {@code
   * {"a":1}}: a body is one JSON value and nothing after it.
   */
  private static final ObjectReader READER =
      JsonUtils.getObjectReader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonBodies() {}

  /** The body as a JSON object, or a 400 invalidSyntax a person can act on. */
  static ObjectNode object(String body) throws BadRequestException {
    if (body == null || body.isBlank()) {
      throw BadRequestException.invalidSyntax("The request body is empty; send a JSON object");
    }
    JsonNode node;
    try {
      node = READER.readTree(body);
    } catch (JsonProcessingException e) {
      // Jackson's own limits (nesting depth, number length) fail with no location.
      JsonLocation where = e.getLocation();
      throw BadRequestException.invalidSyntax(
          "The request body is not valid JSON: "
              + e.getOriginalMessage()
              + (where == null
                  ? ""
                  : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
    }
    if (node == null || !node.isObject()) {
      throw BadRequestException.invalidSyntax("The request body must be a JSON object");
    }
    Optional<String> nul = NulCharacters.firstIn(node);
    if (nul.isPresent()) {
      throw BadRequestException.invalidValue(
          "The value at "
              + nul.get()
              + " holds the NUL character (\\u0000), which no SCIM value may hold; remove it");
    }
    return (ObjectNode) node;
  }

  static String text(JsonNode node) {
    try {
      return JsonUtils.getObjectWriter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a response", e);
    }
  }
}
