package dev.switchboard.batch;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How an import applies a row (Webex's two modes): {@code add} ("add services only") never removes
 * or lowers a direct value; {@code sync} ("add and remove services") sets exactly what the row
 * says. Immutable (an enum).
 */
public enum ImportMode {
  ADD,
  SYNC;

  /** The name on the wire: {@code add} or {@code sync}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ImportMode> parse(String text) {
    return Arrays.stream(values()).filter(m -> m.wireName().equalsIgnoreCase(text)).findFirst();
  }
}
