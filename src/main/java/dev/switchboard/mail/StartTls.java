package dev.switchboard.mail;

import java.util.Locale;

/** Whether the SMTP connection is upgraded with STARTTLS before anything is sent. */
public enum StartTls {
  /** Refuse to send when the server does not offer STARTTLS. */
  REQUIRED,
  /** Upgrade when the server offers it, else send in clear. */
  OPTIONAL,
  /** Never upgrade (a relay on localhost, a test server). */
  OFF;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code required}, {@code optional} or {@code off}, in any case. */
  public static StartTls parse(String text) {
    for (StartTls mode : values()) {
      if (mode.wireName().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "STARTTLS must be 'required', 'optional' or 'off', not '" + text + "'");
  }
}
