package dev.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.mail.MailSettings;
import dev.switchboard.mail.SmtpSettings;
import dev.switchboard.mail.StartTls;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MailOptionsTest {
  private static MailOptions parse(String... args) {
    ServeCommand command = new ServeCommand();
    new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
    return command.mail;
  }

  @Test
  void withoutAnSmtpHostEmailIsOff() {
    assertFalse(parse().settings(Map.of()).enabled());
  }

  @Test
  void aHostNeedsASenderAndDefaultsToTheSubmissionPortWithStartTlsRequired() {
    assertThrows(
        IllegalArgumentException.class,
        () -> parse("--smtp-host", "smtp.example.com").settings(Map.of()));
    SmtpSettings smtp =
        parse("--smtp-host", "smtp.example.com", "--smtp-from", "noreply@example.com")
            .settings(Map.of())
            .smtp()
            .orElseThrow();
    assertEquals(587, smtp.port());
    assertEquals(StartTls.REQUIRED, smtp.startTls());
    assertNull(smtp.username());
  }

  @Test
  void credentialsComeFromTheEnvironmentAndArePrintedNowhere() {
    MailSettings settings =
        parse(
                "--smtp-host", "smtp.example.com",
                "--smtp-port", "25",
                "--smtp-from", "noreply@example.com",
                "--smtp-starttls", "optional")
            .settings(
                Map.of(
                    MailOptions.USER_VARIABLE, "mailer",
                    MailOptions.PASSWORD_VARIABLE, "s3cret-pw"));
    SmtpSettings smtp = settings.smtp().orElseThrow();
    assertEquals("mailer", smtp.username());
    assertEquals("s3cret-pw", smtp.password());
    assertEquals(25, smtp.port());
    assertEquals(StartTls.OPTIONAL, smtp.startTls());
    assertFalse(settings.toString().contains("s3cret-pw"), settings.toString());
    assertTrue(settings.toString().contains("mailer"), settings.toString());
  }

  @Test
  void anUnknownStartTlsModeIsRefused() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                parse("--smtp-host", "h", "--smtp-from", "a@b.c", "--smtp-starttls", "always")
                    .settings(Map.of()));
    assertTrue(refused.getMessage().contains("required"), refused.getMessage());
  }
}
