package dev.switchboard.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

/**
 * Sends each email as {@code multipart/alternative} (plain text, then HTML) over SMTP with Jakarta
 * Mail (Eclipse Angus), one connection per email. Thread-safe.
 */
public final class SmtpMailer implements Mailer {
  /** A mail server that stops answering must not hold the delivery worker for ever. */
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final SmtpSettings settings;
  private final Session session;
  private final InternetAddress from;

  public SmtpMailer(SmtpSettings settings) {
    this.settings = settings;
    this.session = Session.getInstance(properties(settings));
    try {
      this.from = new InternetAddress(settings.from(), true);
    } catch (AddressException e) {
      throw new IllegalArgumentException(
          "the sender address '" + settings.from() + "' is not an email address", e);
    }
  }

  private static Properties properties(SmtpSettings settings) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", settings.host());
    properties.put("mail.smtp.port", Integer.toString(settings.port()));
    String timeout = Long.toString(TIMEOUT.toMillis());
    properties.put("mail.smtp.connectiontimeout", timeout);
    properties.put("mail.smtp.timeout", timeout);
    properties.put("mail.smtp.writetimeout", timeout);
    if (settings.startTls() != StartTls.OFF) {
      properties.put("mail.smtp.starttls.enable", "true");
    }
    if (settings.startTls() == StartTls.REQUIRED) {
      properties.put("mail.smtp.starttls.required", "true");
    }
    if (settings.username() != null) {
      properties.put("mail.smtp.auth", "true");
    }
    return properties;
  }

  @Override
  public void send(OutgoingMail mail) throws MailFailure {
    MimeMessage message;
    try {
      message = message(mail);
    } catch (AddressException e) {
      throw new MailFailure("'" + mail.to() + "' is not an email address", true, e);
    } catch (MessagingException e) {
      throw new MailFailure("cannot build the message: " + e.getMessage(), true, e);
    }
    try {
      if (settings.username() == null) {
        Transport.send(message);
      } else {
        Transport.send(message, settings.username(), settings.password());
      }
    } catch (SendFailedException e) {
      // Recipients refused with a 5xx are "invalid": sending again cannot help.
      Address[] invalid = e.getInvalidAddresses();
      boolean refused = invalid != null && invalid.length > 0;
      throw new MailFailure(describe(e), refused, e);
    } catch (MessagingException e) {
      throw new MailFailure(describe(e), false, e);
    }
  }

  private MimeMessage message(OutgoingMail mail) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.text(), StandardCharsets.UTF_8.name());
    MimeBodyPart html = new MimeBodyPart();
    html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    return message;
  }

  /** The first cause's message, e.g. "Couldn't connect to host, port: smtp.example.com, 587". */
  private static String describe(MessagingException e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null) {
      text.append(": ").append(cause.getMessage());
    }
    return text.toString();
  }
}
