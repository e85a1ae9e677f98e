package dev.switchboard.cli;

import dev.switchboard.mail.MailSettings;
import dev.switchboard.mail.SmtpSettings;
import dev.switchboard.mail.StartTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The welcome-email options of {@code serve}: email is off unless {@code --smtp-host} is set. SMTP
 * credentials come only from the environment ({@value #USER_VARIABLE}, {@value
 * #PASSWORD_VARIABLE}), never from the command line, where other users of the machine could read
 * them.
 */
final class MailOptions {
  static final String USER_VARIABLE = "SWITCHBOARD_SMTP_USER";
  static final String PASSWORD_VARIABLE = "SWITCHBOARD_SMTP_PASSWORD";

  @Option(
      names = "--smtp-host",
      defaultValue = "${env:SWITCHBOARD_SMTP_HOST}",
      description = "SMTP server for welcome emails; unset = no email (env SWITCHBOARD_SMTP_HOST)")
  String host;

  @Option(
      names = "--smtp-port",
      defaultValue = "${env:SWITCHBOARD_SMTP_PORT:-587}",
      description = "SMTP port (env SWITCHBOARD_SMTP_PORT; default ${DEFAULT-VALUE}, submission)")
  int port;

  @Option(
      names = "--smtp-from",
      defaultValue = "${env:SWITCHBOARD_SMTP_FROM}",
      description =
          "sender of welcome emails, e.g. 'Switchboard <noreply@example.com>';"
              + " needed with --smtp-host (env SWITCHBOARD_SMTP_FROM)")
  String from;

  @Option(
      names = "--smtp-starttls",
      paramLabel = "required|optional|off",
      defaultValue = "${env:SWITCHBOARD_SMTP_STARTTLS:-required}",
      description =
          "upgrade the SMTP connection with STARTTLS: required (refuse to send otherwise),"
              + " optional, or off (env SWITCHBOARD_SMTP_STARTTLS; default ${DEFAULT-VALUE})")
  String startTls;

  @Option(
      names = "--mail-templates",
      paramLabel = "DIR",
      defaultValue = "${env:SWITCHBOARD_MAIL_TEMPLATES}",
      description =
          "folder of welcome templates replacing the built-in ones of the same file name"
              + " (env SWITCHBOARD_MAIL_TEMPLATES)")
  Path templates;

  /** The settings these options and {@code environment} give; a bad combination throws. */
  MailSettings settings(Map<String, String> environment) {
    Optional<Path> folder = Optional.ofNullable(templates);
    if (folder.isPresent() && !Files.isDirectory(folder.get())) {
      throw new IllegalArgumentException("--mail-templates " + templates + " is not a folder");
    }
    if (host == null || host.isBlank()) {
      return new MailSettings(Optional.empty(), folder);
    }
    if (from == null || from.isBlank()) {
      throw new IllegalArgumentException(
          "--smtp-host needs --smtp-from (the sender address of welcome emails)");
    }
    String user = blankToNull(environment.get(USER_VARIABLE));
    String password = environment.get(PASSWORD_VARIABLE);
    if (user != null && password == null) {
      throw new IllegalArgumentException(
          USER_VARIABLE + " is set but " + PASSWORD_VARIABLE + " is not");
    }
    return new MailSettings(
        Optional.of(
            new SmtpSettings(
                host.trim(), port, from.trim(), StartTls.parse(startTls), user, password)),
        folder);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
