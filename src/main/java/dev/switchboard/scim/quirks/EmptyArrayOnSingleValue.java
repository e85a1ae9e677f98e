package dev.switchboard.scim.quirks;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.types.AttributeDefinition;
import dev.switchboard.scim.ResourceKind;
import dev.switchboard.scim.SchemaRegistry;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The SDK applies an {@code add} or {@code replace} whose value is an empty array by removing the
 * attribute, also when the attribute holds one value:
 *
 * <pre>
 * {"op": "replace", "path": "active", "value": []}          → active removed, 204
 * {"op": "replace", "value": {"displayName": []}}          → displayName removed, 204
 * </pre>
 *
 * An empty array is no value of a single-valued attribute (RFC 7643 §2.4), so such an operation is
 * refused with 400 invalidValue; removing is what {@code remove} is for. On a multi-valued
 * attribute ({@code "members": []}) an empty array still clears it. Stateless.
 */
public final class EmptyArrayOnSingleValue {
  /** Throws when {@code operation} would set a single-valued attribute of {@code kind} to []. */
  public static void refuse(ResourceKind kind, PatchOperation operation)
      throws BadRequestException {
    if (operation.getOpType() == PatchOpType.REMOVE) {
      return;
    }
    JsonNode value = operation.getJsonNode();
    Path path = operation.getPath();
    if (path != null && path.size() > 0) {
      check(kind, path, value);
    } else if (value != null && value.isObject()) {
      checkMembers(kind, Path.root(), value);
    }
  }

  private static void checkMembers(ResourceKind kind, Path parent, JsonNode object)
      throws BadRequestException {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      Optional<String> extension =
          kind.extensions().stream()
              .map(schema -> schema.getId())
              .filter(urn -> urn.equalsIgnoreCase(field.getKey()))
              .findFirst();
      if (extension.isPresent() && field.getValue().isObject()) {
        checkMembers(kind, Path.root(extension.get()), field.getValue());
      } else if (parent.size() == 0 && field.getKey().indexOf('[') < 0) {
        check(kind, attributePath(parent, field.getKey()), field.getValue());
      }
    }
  }

  private static Path attributePath(Path parent, String name) {
    try {
      return parent.getSchemaUrn() == null ? Path.fromString(name) : parent.attribute(name);
    } catch (BadRequestException e) {
      return Path.root();
    }
  }

  private static void check(ResourceKind kind, Path path, JsonNode value)
      throws BadRequestException {
    if (value == null || !value.isArray() || !value.isEmpty()) {
      return;
    }
    Optional<AttributeDefinition> attribute = SchemaRegistry.resolve(kind, path);
    if (attribute.isPresent() && !attribute.get().isMultiValued()) {
      throw BadRequestException.invalidValue(
          "'"
              + path
              + "' holds a single value, and [] is none; send a value, or use a remove"
              + " operation to clear it");
    }
  }

  private EmptyArrayOnSingleValue() {}
}
