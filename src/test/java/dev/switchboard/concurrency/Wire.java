package dev.switchboard.concurrency;

/** Request bodies the race tests send, as an IdP sends them. */
final class Wire {
  static final String CC = "urn:switchboard:params:scim:schemas:extension:contactcenter:1.0:User";
  static final String PHONE = "urn:switchboard:params:scim:schemas:extension:phone:1.0:User";
  private static final String PATCH_OP =
      "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[";

  private Wire() {}

  static String addMember(String userId) {
    return PATCH_OP
        + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
        + userId
        + "\"}]}]}";
  }

  static String removeMember(String userId) {
    return PATCH_OP + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + userId + "\\\"]\"}]}";
  }

  static String replace(String path, String jsonValue) {
    return PATCH_OP
        + "{\"op\":\"replace\",\"path\":\""
        + path
        + "\",\"value\":"
        + jsonValue
        + "}]}";
  }

  static String user(String userName, String extensions) {
    return "{\"userName\":\""
        + userName
        + "\""
        + (extensions.isEmpty() ? "" : "," + extensions)
        + "}";
  }

  static String license(String tier) {
    return "\"" + CC + "\":{\"license\":\"" + tier + "\"}";
  }
}
