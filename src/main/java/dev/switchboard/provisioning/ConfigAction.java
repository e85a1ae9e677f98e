package dev.switchboard.provisioning;

import java.util.Locale;

/** What a configuration change did: POST, PUT, PATCH, DELETE in the admin's words. */
public enum ConfigAction {
  CREATED,
  REPLACED,
  MODIFIED,
  DELETED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
