package dev.switchboard.mail;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether the server sends welcome emails and with which templates. Immutable.
 *
 * @param smtp empty: email is off (nothing is queued)
 * @param templates a folder whose files replace the jar's templates of the same name
 */
public record MailSettings(Optional<SmtpSettings> smtp, Optional<Path> templates) {
  /** Email off. */
  public static final MailSettings OFF = new MailSettings(Optional.empty(), Optional.empty());

  /** Sends over {@code smtp} with the default templates. */
  public static MailSettings smtp(SmtpSettings smtp) {
    return new MailSettings(Optional.of(smtp), Optional.empty());
  }

  public boolean enabled() {
    return smtp.isPresent();
  }

  public MailSettings withTemplates(Path folder) {
    return new MailSettings(smtp, Optional.of(folder));
  }
}
