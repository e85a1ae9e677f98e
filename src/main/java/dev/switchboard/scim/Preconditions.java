package dev.switchboard.scim;

import com.unboundid.scim2.common.exceptions.PreconditionFailedException;

/** RFC 7644 §3.14 / RFC 7232 {@code If-Match} on writes, against {@code meta.version}. */
public final class Preconditions {
  private Preconditions() {}

  /** Passes when there is no If-Match, it is {@code *}, or it lists the current version. */
  public static void requireMatch(String ifMatch, long version) throws PreconditionFailedException {
    if (ifMatch == null || ifMatch.isBlank() || matches(ifMatch, version)) {
      return;
    }
    throw new PreconditionFailedException(
        "If-Match "
            + ifMatch.trim()
            + " does not match the current version "
            + Representation.etag(version)
            + "; read the resource again and retry");
  }

  /** True when the header (a list of entity tags, weak or strong, or {@code *}) names it. */
  public static boolean matches(String header, long version) {
    for (String tag : header.split(",")) {
      String t = tag.trim();
      if (t.equals("*")) {
        return true;
      }
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.equals("\"" + version + "\"")) {
        return true;
      }
    }
    return false;
  }
}
