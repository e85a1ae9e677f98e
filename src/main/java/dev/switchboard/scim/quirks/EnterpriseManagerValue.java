package dev.switchboard.scim.quirks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;

/**
 * The enterprise {@code manager} arrives in three shapes; we store and return only the RFC one,
 * {@code {"value": "…"}}.
 *
 * <pre>
 * Entra:  {"op": "Add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
 *          "value": "26118915-6090-4610-87e4-49d8ca9f808d"}
 * RFC:    "manager": {"value": "26118915-6090-4610-87e4-49d8ca9f808d"}
 * clear:  "manager": {"value": ""}   or   "manager": ""
 * </pre>
 *
 * A bare string becomes {@code {"value": …}}; an empty value removes the manager.
 */
public final class EnterpriseManagerValue {
  /** Rewrites {@code manager} inside an enterprise extension object, in place. */
  public static void normalize(ObjectNode enterprise) {
    String key = fieldName(enterprise, "manager");
    if (key == null) {
      return;
    }
    JsonNode manager = enterprise.get(key);
    if (manager.isTextual()) {
      if (manager.textValue().isBlank()) {
        enterprise.remove(key);
      } else {
        ObjectNode value = JsonUtils.getJsonNodeFactory().objectNode();
        value.put("value", manager.textValue());
        enterprise.set(key, value);
      }
    } else if (manager.isObject()) {
      JsonNode value = manager.get(fieldName((ObjectNode) manager, "value"));
      if (value == null || value.isNull() || (value.isTextual() && value.textValue().isBlank())) {
        enterprise.remove(key);
      }
    }
  }

  private static String fieldName(ObjectNode node, String wanted) {
    var names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (name.equalsIgnoreCase(wanted)) {
        return name;
      }
    }
    return null;
  }

  private EnterpriseManagerValue() {}
}
