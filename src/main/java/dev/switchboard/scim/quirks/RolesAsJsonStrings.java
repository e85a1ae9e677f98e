package dev.switchboard.scim.quirks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;

/**
 * Entra's {@code SingleAppRoleAssignment} / {@code AppRoleAssignmentsComplex} mappings send the
 * roles as JSON text instead of JSON:
 *
 * <pre>
 * {"op": "Add", "path": "roles",
 *  "value": "[{\"primary\":true,\"type\":\"WindowsAzureActiveDirectoryRole\",\"value\":\"Admin\"}]"}
 *
 * {"op": "Add", "path": "roles",
 *  "value": [{"value": "{\"id\":\"7b4a…\",\"value\":\"Admin\",\"displayName\":\"Admin\"}"}]}
 * </pre>
 *
 * The text is decoded: a string holding an array or object becomes that JSON, and an element whose
 * {@code value} holds an object is replaced by that object's fields (its {@code displayName} read
 * as the RFC's {@code display}; the app role's {@code id} dropped).
 */
public final class RolesAsJsonStrings {
  /** The decoded roles value; returns the input unchanged when nothing is encoded. */
  public static JsonNode decode(JsonNode roles) {
    JsonNode decoded = parseIfJsonText(roles);
    if (decoded.isObject()) {
      return unwrapEncodedValue((ObjectNode) decoded);
    }
    if (!decoded.isArray()) {
      return decoded;
    }
    ArrayNode result = JsonUtils.getJsonNodeFactory().arrayNode();
    for (JsonNode element : decoded) {
      JsonNode item = parseIfJsonText(element);
      result.add(item.isObject() ? unwrapEncodedValue((ObjectNode) item) : item);
    }
    return result;
  }

  private static ObjectNode unwrapEncodedValue(ObjectNode role) {
    JsonNode value = role.get("value");
    JsonNode inner = value == null ? null : parseIfJsonText(value);
    if (inner == null || !inner.isObject()) {
      return role;
    }
    ObjectNode merged = role.deepCopy();
    merged.remove("value");
    merged.setAll((ObjectNode) inner);
    merged.remove("id");
    JsonNode displayName = merged.remove("displayName");
    if (displayName != null && !merged.has("display")) {
      merged.set("display", displayName);
    }
    return merged;
  }

  private static JsonNode parseIfJsonText(JsonNode node) {
    if (!node.isTextual()) {
      return node;
    }
    String text = node.textValue().trim();
    if (!(text.startsWith("[") || text.startsWith("{"))) {
      return node;
    }
    try {
      return JsonUtils.getObjectReader().readTree(text);
    } catch (JsonProcessingException e) {
      return node;
    }
  }

  private RolesAsJsonStrings() {}
}
