package dev.switchboard.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOperation;
import dev.switchboard.scim.quirks.EmptyArrayOnSingleValue;
import dev.switchboard.scim.quirks.ValuePathUpsert;
import java.util.List;

/**
 * Applies PATCH operations to a stored body with the SDK, then conforms the result to the schema,
 * so a PATCH can never store what a PUT could not. Stateless.
 */
public final class PatchApplier {
  private final ResourceConformer conformer;

  public PatchApplier(ResourceConformer conformer) {
    this.conformer = conformer;
  }

  /** The new canonical body; {@code body} itself is not modified. */
  public ObjectNode apply(ResourceKind kind, ObjectNode body, List<PatchOperation> operations)
      throws BadRequestException {
    ObjectNode working = body.deepCopy();
    for (PatchOperation operation : operations) {
      EmptyArrayOnSingleValue.refuse(kind, operation);
      try {
        ValuePathUpsert.apply(operation, working);
      } catch (BadRequestException e) {
        throw e;
      } catch (ScimException | RuntimeException e) {
        throw BadRequestException.invalidValue(
            "Cannot "
                + operation.getOpType()
                + " '"
                + operation.getPath()
                + "': "
                + e.getMessage());
      }
    }
    return conformer.conform(kind, working);
  }
}
