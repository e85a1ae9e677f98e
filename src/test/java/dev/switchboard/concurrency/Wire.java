package dev.switchboard.concurrency;

import dev.switchboard.scim.ScimUrns;

/** User bodies the race tests send, as an IdP sends them (PATCH bodies: {@code PatchBodies}). */
final class Wire {
  static final String CC = ScimUrns.CONTACT_CENTER_USER;
  static final String PHONE = ScimUrns.PHONE_USER;

  private Wire() {}

  static String user(String userName, String extensions) {
    return "{\"userName\":\""
        + userName
        + "\""
        + (extensions.isEmpty() ? "" : "," + extensions)
        + "}";
  }
}
