package dev.switchboard.provisioning;

import java.util.Locale;

/** What a token may do (api.md "Scopes"): {@code admin} includes everything {@code idp} may. */
public enum Scope {
  IDP,
  ADMIN;

  public boolean includes(Scope required) {
    return this == ADMIN || required == IDP;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Scope parse(String text) {
    for (Scope scope : values()) {
      if (scope.wireName().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return scope;
      }
    }
    throw new IllegalArgumentException("scope must be 'idp' or 'admin', not '" + text + "'");
  }
}
