package dev.switchboard.scim.quirks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;

/**
 * Entra ID replaces a typed value that may not exist yet:
 *
 * <pre>
 * {"op": "Replace", "path": "emails[type eq \"work\"].value", "value": "ann@example.com"}
 * {"op": "Add", "path": "addresses[type eq \"work\"].formatted", "value": "1 Main St"}
 * </pre>
 *
 * The SDK answers a replace whose filter matches nothing with 400 noTarget, which would lose
 * Entra's whole update. Here such a replace becomes an add, which creates the element {@code
 * {"type": "work", "value": …}} (the SDK's add already does that).
 */
public final class ValuePathUpsert {
  /** Applies {@code operation} to {@code body}, creating a missing filtered element. */
  public static void apply(PatchOperation operation, ObjectNode body) throws ScimException {
    try {
      operation.apply(body);
    } catch (BadRequestException e) {
      if (!isReplaceOfMissingValue(operation, e)) {
        throw e;
      }
      PatchOperation.create(PatchOpType.ADD, operation.getPath(), operation.getJsonNode())
          .apply(body);
    }
  }

  private static boolean isReplaceOfMissingValue(PatchOperation operation, BadRequestException e) {
    Path path = operation.getPath();
    return operation.getOpType() == PatchOpType.REPLACE
        && path != null
        && path.size() > 0
        && path.getElement(0).getValueFilter() != null
        && BadRequestException.NO_TARGET.equals(e.getScimError().getScimType());
  }

  private ValuePathUpsert() {}
}
