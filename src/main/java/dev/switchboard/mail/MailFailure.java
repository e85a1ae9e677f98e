package dev.switchboard.mail;

/**
 * An email that could not be sent: {@link #permanent} when sending it again cannot help (the server
 * refused the recipient), otherwise worth retrying (server down, timeout, 4xx).
 */
public final class MailFailure extends Exception {
  private final boolean permanent;

  public MailFailure(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  public boolean permanent() {
    return permanent;
  }
}
