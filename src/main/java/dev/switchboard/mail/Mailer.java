package dev.switchboard.mail;

/** Hands an email to a mail server. Implementations are thread-safe. */
public interface Mailer {
  /** Returns once the server accepted the mail; throws when it did not. */
  void send(OutgoingMail mail) throws MailFailure;
}
