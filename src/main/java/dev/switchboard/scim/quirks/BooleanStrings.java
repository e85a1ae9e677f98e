package dev.switchboard.scim.quirks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.Optional;

/**
 * Entra ID and Microsoft's validator send booleans as strings, in bodies and in filter literals.
 *
 * <pre>
 * POST /Users            {"userName": "emp1", "active": "True", …}
 * PATCH /Users/{id}      {"op": "Replace", "path": "active", "value": "False"}
 * GET /Users?filter=roles[primary eq "True"]
 * </pre>
 *
 * For an attribute whose schema type is boolean, {@code "true"}/{@code "false"} in any case mean
 * the JSON booleans; any other string is left for the caller to reject.
 */
public final class BooleanStrings {
  /** The boolean a string spells, if it spells one. */
  public static Optional<BooleanNode> parse(JsonNode node) {
    if (node != null && node.isTextual()) {
      String text = node.textValue().trim();
      if (text.equalsIgnoreCase("true")) {
        return Optional.of(BooleanNode.TRUE);
      }
      if (text.equalsIgnoreCase("false")) {
        return Optional.of(BooleanNode.FALSE);
      }
    }
    return Optional.empty();
  }

  private BooleanStrings() {}
}
