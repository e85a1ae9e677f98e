package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.scim.ScimUrns;

/** Names why a user write changes the user's licenses, for the audit trail. Stateless. */
final class UserChange {
  private UserChange() {}

  /** Why a new user is licensed: its own license, its role, or (groups come later) creation. */
  static String creation(ObjectNode body) {
    JsonNode cc = body.path(ScimUrns.CONTACT_CENTER_USER);
    if (cc.hasNonNull("license") && !"none".equals(cc.get("license").asText())) {
      return "direct:" + cc.get("license").asText();
    }
    if (cc.hasNonNull("role") && !"agent".equals(cc.get("role").asText())) {
      return "role:" + cc.get("role").asText();
    }
    JsonNode phone = body.path(ScimUrns.PHONE_USER);
    if (phone.path("licensed").asBoolean(false)) {
      return "direct:phone licensed";
    }
    return "user created";
  }

  private static String describe(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return "removed";
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  static String reason(ObjectNode before, ObjectNode after) {
    boolean wasActive = before.path("active").asBoolean(true);
    boolean isActive = after.path("active").asBoolean(true);
    if (wasActive && !isActive) {
      return "deactivated";
    }
    if (!wasActive && isActive) {
      return "reactivated";
    }
    JsonNode oldCc = before.path(ScimUrns.CONTACT_CENTER_USER);
    JsonNode newCc = after.path(ScimUrns.CONTACT_CENTER_USER);
    if (!oldCc.path("license").equals(newCc.path("license"))) {
      return "direct:" + newCc.path("license").asText("none");
    }
    if (!oldCc.path("role").equals(newCc.path("role"))) {
      return "role:" + newCc.path("role").asText("agent");
    }
    JsonNode oldPhone = before.path(ScimUrns.PHONE_USER);
    JsonNode newPhone = after.path(ScimUrns.PHONE_USER);
    for (String attribute :
        java.util.List.of(
            "licensed", "callingPackage", "site", "extensionNumber", "directNumbers")) {
      if (!oldPhone.path(attribute).equals(newPhone.path(attribute))) {
        return "direct:" + attribute + " " + describe(newPhone.path(attribute));
      }
    }
    return "user updated";
  }
}
