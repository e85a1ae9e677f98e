package dev.switchboard;

/** RFC 7644 §3.5.2 PATCH bodies the tests send, as an IdP sends them. */
public final class PatchBodies {
  private static final String PATCH_OP =
      "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[";

  private PatchBodies() {}

  public static String addMember(String userId) {
    return PATCH_OP
        + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
        + userId
        + "\"}]}]}";
  }

  public static String removeMember(String userId) {
    return PATCH_OP + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + userId + "\\\"]\"}]}";
  }

  /** Replaces {@code path} with {@code jsonValue} (JSON text: {@code "\"premium\""}, {@code 5}). */
  public static String replace(String path, String jsonValue) {
    return PATCH_OP
        + "{\"op\":\"replace\",\"path\":\""
        + path
        + "\",\"value\":"
        + jsonValue
        + "}]}";
  }
}
