package dev.switchboard.provisioning;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.util.Locale;

/** Where a welcome email is in its delivery. */
public enum MailState {
  /** Waiting for its first or next attempt. */
  PENDING,
  /** Accepted by the mail server. */
  DELIVERED,
  /** Given up: no address, refused by the server, or out of attempts ({@code lastError} says). */
  FAILED,
  /** Not sent: the user was deactivated or deleted before it went. */
  CANCELLED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A state by its wire name, in any case. */
  public static MailState parse(String text) throws BadRequestException {
    for (MailState state : values()) {
      if (state.wireName().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return state;
      }
    }
    throw BadRequestException.invalidValue(
        "state is one of pending, delivered, failed, cancelled, not '" + text + "'");
  }
}
