package dev.switchboard.mail;

import java.util.Objects;

/**
 * Where and how welcome emails are sent. Immutable; {@link #toString} never shows the password.
 *
 * @param host the SMTP server
 * @param port its port (587, the submission port, by default)
 * @param from the sender address, e.g. {@code Switchboard <noreply@example.com>}
 * @param startTls whether the connection is upgraded to TLS
 * @param username null: no SMTP authentication
 * @param password with {@code username}
 */
public record SmtpSettings(
    String host, int port, String from, StartTls startTls, String username, String password) {
  /** The submission port (RFC 6409), where mail clients and applications hand in mail. */
  public static final int DEFAULT_PORT = 587;

  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(startTls, "startTls");
    if (host.isBlank()) {
      throw new IllegalArgumentException("the SMTP host is blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("the SMTP port must be 1 to 65535, not " + port);
    }
  }

  /** {@code host}:{@code port} without TLS or credentials (a relay on localhost, a test server). */
  public static SmtpSettings plain(String host, int port, String from) {
    return new SmtpSettings(host, port, from, StartTls.OFF, null, null);
  }

  @Override
  public String toString() {
    return "SmtpSettings[host="
        + host
        + ", port="
        + port
        + ", from="
        + from
        + ", startTls="
        + startTls.wireName()
        + ", username="
        + username
        + ", password="
        + (password == null ? "none" : "***")
        + "]";
  }
}
