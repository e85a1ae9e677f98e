package dev.switchboard.scim.quirks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A PATCH {@code add}/{@code replace} without a path carries attributes as the keys of its value.
 * IdPs put dotted sub-attribute paths and full-URN extension paths there, and Okta echoes the
 * resource's own {@code id} on every group push:
 *
 * <pre>
 * {"op": "replace", "value": {"name.givenName": "Ann",
 *   "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber": "701984"}}
 * {"op": "replace", "value": {"id": "6c5bb468-14b2-4183-baf2-06d523e03bd3",
 *   "displayName": "Sales Agents"}}
 * </pre>
 *
 * Each key becomes an operation of its own with that key as its path, so the SDK applies it as a
 * path; an extension object becomes one operation per extension attribute; {@code id}, {@code meta}
 * and {@code schemas} are dropped (readOnly: a no-op).
 */
public final class NoPathOperationSplitter {
  private static final Set<String> IGNORED = Set.of("id", "meta", "schemas");

  /** One path and the value to set there. */
  public record PathValue(String path, JsonNode value) {}

  /** Splits {@code value}; {@code isExtensionUrn} says whether a key is an extension schema URN. */
  public static List<PathValue> split(ObjectNode value, Predicate<String> isExtensionUrn) {
    List<PathValue> result = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field :
        (Iterable<Map.Entry<String, JsonNode>>) value::fields) {
      String key = field.getKey();
      if (IGNORED.contains(key.toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      if (isExtensionUrn.test(key) && field.getValue().isObject()) {
        field
            .getValue()
            .fields()
            .forEachRemaining(
                sub -> result.add(new PathValue(key + ":" + sub.getKey(), sub.getValue())));
      } else {
        result.add(new PathValue(key, field.getValue()));
      }
    }
    return result;
  }

  private NoPathOperationSplitter() {}
}
