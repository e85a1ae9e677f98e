package dev.switchboard.mail;

/** One rendered email to one recipient, in plain text and HTML. */
public record OutgoingMail(String to, String subject, String text, String html) {}
