package dev.switchboard.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import dev.switchboard.scim.quirks.NoPathOperationSplitter;
import dev.switchboard.scim.quirks.PatchOpAnyCase;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a PatchOp body (RFC 7644 §3.5.2) into the SDK's operations, repairing IdP spellings on the
 * way (see {@code scim.quirks}). Every operation it returns has a path. Stateless.
 */
public final class PatchReader {
  private PatchReader() {}

  public static List<PatchOperation> read(ResourceKind kind, ObjectNode request)
      throws BadRequestException {
    JsonNode operations = request.get("Operations");
    if (operations == null || !operations.isArray() || operations.isEmpty()) {
      throw BadRequestException.invalidSyntax(
          "A PATCH body needs a non-empty 'Operations' array (RFC 7644 §3.5.2)");
    }
    List<PatchOperation> result = new ArrayList<>();
    int index = 0;
    for (JsonNode operation : operations) {
      if (!operation.isObject()) {
        throw BadRequestException.invalidSyntax("Operations[" + index + "] is not an object");
      }
      read(kind, (ObjectNode) operation, index++, result);
    }
    return result;
  }

  private static void read(
      ResourceKind kind, ObjectNode operation, int index, List<PatchOperation> into)
      throws BadRequestException {
    JsonNode opNode = operation.get("op");
    PatchOpType type = PatchOpAnyCase.parse(opNode == null ? null : opNode.asText());
    JsonNode pathNode = operation.get("path");
    String path =
        pathNode == null || pathNode.isNull() || pathNode.asText().isBlank()
            ? null
            : pathNode.asText().trim();
    JsonNode value = operation.get("value");
    if (path == null) {
      if (type == PatchOpType.REMOVE) {
        throw BadRequestException.noTarget(
            "Operations[" + index + "]: remove needs a 'path' (RFC 7644 §3.5.2.2)");
      }
      if (value == null || !value.isObject()) {
        throw BadRequestException.invalidValue(
            "Operations["
                + index
                + "]: without a 'path', 'value' must be an object of attributes to "
                + type);
      }
      for (var part :
          NoPathOperationSplitter.split(
              (ObjectNode) value, key -> kind.extension(key).isPresent())) {
        into.add(create(type, part.path(), part.value(), index));
      }
      return;
    }
    if (type != PatchOpType.REMOVE && (value == null || value.isNull())) {
      throw BadRequestException.invalidValue(
          "Operations[" + index + "]: " + type + " of '" + path + "' needs a 'value'");
    }
    into.add(create(type, path, value, index));
  }

  private static PatchOperation create(PatchOpType type, String path, JsonNode value, int index)
      throws BadRequestException {
    Path parsed;
    try {
      parsed = Path.fromString(path);
    } catch (BadRequestException e) {
      throw BadRequestException.invalidPath(
          "Operations[" + index + "]: '" + path + "' is not a valid path: " + e.getMessage());
    }
    try {
      if (type == PatchOpType.REMOVE) {
        PatchOperation remove = PatchOperation.create(type, parsed, null);
        if (value != null && !value.isNull()) {
          remove.setRemoveOpValue(value);
        }
        return remove;
      }
      return PatchOperation.create(type, parsed, value);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // The SDK refuses some paths only here (e.g. sub-attributes two levels deep).
      String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      throw BadRequestException.invalidPath(
          "Operations[" + index + "]: cannot " + type + " '" + path + "': " + reason);
    }
  }
}
