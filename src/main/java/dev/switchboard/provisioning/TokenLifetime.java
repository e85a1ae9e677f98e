package dev.switchboard.provisioning;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How long an OAuth access token lives: 1 to 6 hours (1 by default). Longer would outlive a revoked
 * client's intent for too long where tokens are cached; shorter than the hour Entra expects makes
 * it ask for tokens more often than it must.
 *
 * @param value the lifetime, within {@link #MIN} and {@link #MAX}
 */
public record TokenLifetime(Duration value) {
  public static final Duration MIN = Duration.ofHours(1);
  public static final Duration MAX = Duration.ofHours(6);
  public static final TokenLifetime DEFAULT = new TokenLifetime(MIN);

  public TokenLifetime {
    if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(
          "the OAuth token lifetime is 1h to 6h, not " + shown(value));
    }
  }

  /** {@code 2h}, {@code 90m}, {@code 1h30m} or ISO-8601 {@code PT2H}. */
  public static TokenLifetime parse(String text) {
    String trimmed = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    try {
      return new TokenLifetime(Duration.parse(trimmed.startsWith("P") ? trimmed : "PT" + trimmed));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "the OAuth token lifetime is a duration such as 2h, 90m or 1h30m, not '" + text + "'");
    }
  }

  public long seconds() {
    return value.toSeconds();
  }

  private static String shown(Duration value) {
    return value.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
