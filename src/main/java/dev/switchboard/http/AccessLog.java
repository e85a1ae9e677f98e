package dev.switchboard.http;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per answered request on the logger {@value #LOGGER}: method, route template, status,
 * duration and the token's name, e.g. {@code GET /scim/v2/Users/{id} 200 3.41ms token=entra}. The
 * same values are key-value pairs of the event, which the JSON log format writes as fields ({@code
 * method}, {@code route}, {@code status}, {@code durationMs}, {@code token}). Never the token
 * itself, the raw path or the query string. Thread-safe.
 */
final class AccessLog {
  static final String LOGGER = "switchboard.access";
  private static final Logger log = LoggerFactory.getLogger(LOGGER);

  private AccessLog() {}

  static void write(FinishedRequest request) {
    if (!log.isInfoEnabled()) {
      return;
    }
    double millis = Math.round(request.duration().toNanos() / 10_000.0) / 100.0;
    log.atInfo()
        .addKeyValue("method", request.method())
        .addKeyValue("route", request.route())
        .addKeyValue("status", request.status())
        .addKeyValue("durationMs", millis)
        .addKeyValue("token", request.tokenName())
        .log(
            "{} {} {} {}ms token={}",
            request.method(),
            request.route(),
            request.status(),
            String.format(Locale.ROOT, "%.2f", millis),
            request.tokenName());
  }
}
