package dev.switchboard.scim.quirks;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.messages.PatchOpType;
import java.util.Locale;

/**
 * Entra ID capitalises PATCH operation names; the SDK knows {@code Add}, {@code ADD} and {@code
 * add} but not every spelling.
 *
 * <pre>
 * {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
 *  "Operations": [{"op": "Replace", "path": "active", "value": "False"}]}
 * </pre>
 *
 * Any letter case of add, replace and remove is accepted.
 */
public final class PatchOpAnyCase {
  public static PatchOpType parse(String op) throws BadRequestException {
    if (op == null) {
      throw BadRequestException.invalidSyntax(
          "Each operation needs an 'op': add, replace or remove");
    }
    switch (op.trim().toLowerCase(Locale.ROOT)) {
      case "add":
        return PatchOpType.ADD;
      case "replace":
        return PatchOpType.REPLACE;
      case "remove":
        return PatchOpType.REMOVE;
      default:
        throw BadRequestException.invalidSyntax(
            "Unknown PATCH op '" + op + "'; use add, replace or remove");
    }
  }

  private PatchOpAnyCase() {}
}
