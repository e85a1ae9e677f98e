package dev.switchboard.store;

import java.util.Locale;

/**
 * The key under which a case-insensitive value (userName, group displayName, email) is stored and
 * looked up. Folded here, never by SQL {@code lower()}, which folds only ASCII on SQLite.
 */
public final class CaselessKey {
  public static String of(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  private CaselessKey() {}
}
