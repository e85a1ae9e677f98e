package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar sends a welcome email on its own (the background worker, no test hook) with
 * Jakarta Mail as shaded into the jar, authenticating with credentials from the environment that it
 * never prints.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WelcomeEmailIT {
  private static final String TOKEN = "it-admin-token-8d2a41";
  private static final String PASSWORD = "s3cret-smtp-pw-77";

  @TempDir Path dir;

  @Test
  void theJarDeliversAWelcomeByItselfWithCredentialsFromTheEnvironment() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.setUser("mailer@corp.example", "mailer", PASSWORD);
    smtp.start();
    try (JarProcess server =
        JarProcess.start(
            dir.resolve("switchboard.db"),
            Map.of(
                "SWITCHBOARD_ADMIN_TOKEN", TOKEN,
                "SWITCHBOARD_SMTP_USER", "mailer",
                "SWITCHBOARD_SMTP_PASSWORD", PASSWORD),
            "--smtp-host",
            "127.0.0.1",
            "--smtp-port",
            Integer.toString(port),
            "--smtp-from",
            "Switchboard <noreply@corp.example>",
            "--smtp-starttls",
            "off")) {
      assertEquals(
          201,
          server
              .send(
                  "POST",
                  "/scim/v2/Users",
                  TOKEN,
                  "{\"userName\":\"zed\",\"emails\":[{\"value\":\"zed@corp.example\"}],"
                      + "\"urn:switchboard:params:scim:schemas:extension:contactcenter:1.0:User\":"
                      + "{\"license\":\"standard\"}}")
              .statusCode());

      assertTrue(smtp.waitForIncomingEmail(30_000, 1), "no email within 30 s:\n" + server.stderr());
      MimeMessage mail = smtp.getReceivedMessages()[0];
      assertEquals("zed@corp.example", mail.getAllRecipients()[0].toString());
      assertEquals("Welcome to the contact center, zed", mail.getSubject());
      assertTrue(mail.getContentType().startsWith("multipart/alternative"), mail.getContentType());
      String metrics = server.send("GET", "/metrics", TOKEN, null).body();
      assertTrue(metrics.contains("switchboard_mail_delivered_total 1.0"), metrics);
      assertFalse(server.stderr().contains(PASSWORD), "the SMTP password was logged");
      assertFalse(server.stdout().contains(PASSWORD), "the SMTP password was printed");
    } finally {
      smtp.stop();
    }
  }
}
