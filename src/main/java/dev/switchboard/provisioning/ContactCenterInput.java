package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import dev.switchboard.licensing.InvalidLicenseValueException;
import dev.switchboard.licensing.Role;
import dev.switchboard.licensing.Tier;
import dev.switchboard.scim.ScimUrns;
import java.util.Optional;

/**
 * The direct contact-center values of a user write: {@code license} and {@code role} checked and
 * stored in their canonical spelling; {@code agentId} taken out of the body (it lives in its own
 * unique column). Stateless.
 */
final class ContactCenterInput {
  private ContactCenterInput() {}

  /** What the write says about the agent id: absent (keep), a number, or cleared. */
  record AgentId(boolean given, Long value) {
    static final AgentId ABSENT = new AgentId(false, null);
  }

  /** Canonicalises license and role in place and removes agentId, which it returns. */
  static AgentId normalize(ObjectNode body) throws BadRequestException {
    JsonNode node = body.get(ScimUrns.CONTACT_CENTER_USER);
    if (node == null || !node.isObject()) {
      return AgentId.ABSENT;
    }
    ObjectNode extension = (ObjectNode) node;
    try {
      if (extension.has("license")) {
        extension.put("license", Tier.parse(extension.get("license").asText()).wireName());
      }
      if (extension.has("role")) {
        extension.put("role", Role.parse(extension.get("role").asText()).wireName());
      }
    } catch (InvalidLicenseValueException e) {
      throw BadRequestException.invalidValue(e.getMessage());
    }
    JsonNode agentId = extension.remove("agentId");
    if (extension.isEmpty()) {
      body.remove(ScimUrns.CONTACT_CENTER_USER);
      removeSchema(body);
    }
    if (agentId == null) {
      return AgentId.ABSENT;
    }
    if (agentId.asLong() <= 0) {
      throw BadRequestException.invalidValue("agentId must be a positive integer");
    }
    return new AgentId(true, agentId.asLong());
  }

  /** The agent id a PATCH can see and change, put back into the body it applies to. */
  static void expose(ObjectNode body, Long agentId) {
    if (agentId != null) {
      Optional.ofNullable(body.get(ScimUrns.CONTACT_CENTER_USER))
          .filter(JsonNode::isObject)
          .map(ObjectNode.class::cast)
          .orElseGet(() -> body.putObject(ScimUrns.CONTACT_CENTER_USER))
          .put("agentId", agentId);
    }
  }

  private static void removeSchema(ObjectNode body) {
    JsonNode schemas = body.get("schemas");
    if (schemas != null && schemas.isArray()) {
      for (int i = schemas.size() - 1; i >= 0; i--) {
        if (ScimUrns.CONTACT_CENTER_USER.equals(schemas.get(i).asText())) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) schemas).remove(i);
        }
      }
    }
  }
}
