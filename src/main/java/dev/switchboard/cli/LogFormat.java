package dev.switchboard.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * How the server writes its logs to stderr: {@code text} lines for people, or {@code json} lines
 * (one object per line, the access log's values as fields) for log shippers. {@code logback.xml}
 * declares an appender for each and routes to the one named by the system property {@value
 * #PROPERTY}; {@link #install} sets it and configures logback again, so the choice holds whether or
 * not something logged before the options were read. Immutable and thread-safe (an enum).
 */
enum LogFormat {
  TEXT,
  JSON;

  static final String PROPERTY = "switchboard.log.format";

  /** Writes every log from now on in this format. */
  void install() {
    System.setProperty(PROPERTY, name().toLowerCase(Locale.ROOT));
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    try {
      new ContextInitializer(context).autoConfig();
    } catch (JoranException e) {
      throw new IllegalStateException("logback.xml cannot be read", e);
    }
  }
}
