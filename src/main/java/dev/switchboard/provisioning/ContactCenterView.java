package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.licensing.Role;
import dev.switchboard.scim.Representation;
import dev.switchboard.scim.ScimUrns;
import dev.switchboard.store.UserRow;

/**
 * Renders the computed part of the contact-center extension (effectiveLicense, licenseState,
 * licenseSources, agentId, the default role) from the user's licensing columns. Stateless.
 */
final class ContactCenterView {
  private ContactCenterView() {}

  static void render(UserRow row, ObjectNode resource) {
    JsonNode existing = resource.get(ScimUrns.CONTACT_CENTER_USER);
    ObjectNode extension =
        existing != null && existing.isObject()
            ? (ObjectNode) existing
            : resource.putObject(ScimUrns.CONTACT_CENTER_USER);
    if (!extension.has("role")) {
      extension.put("role", Role.AGENT.wireName());
    }
    if (row.agentId() != null) {
      extension.put("agentId", row.agentId());
    }
    extension.put("effectiveLicense", row.ccEffective());
    extension.put("licenseState", row.ccState());
    if (row.ccSources() != null) {
      extension.set("licenseSources", Representation.parseJson(row.ccSources()));
    }
    ArrayNode schemas = (ArrayNode) resource.get("schemas");
    boolean listed = false;
    for (JsonNode schema : schemas) {
      listed |= ScimUrns.CONTACT_CENTER_USER.equals(schema.asText());
    }
    if (!listed) {
      schemas.add(ScimUrns.CONTACT_CENTER_USER);
    }
  }
}
