package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.switchboard.MutableClock;
import dev.switchboard.TestServer;
import dev.switchboard.mail.MailSettings;
import dev.switchboard.mail.SmtpSettings;
import dev.switchboard.mail.StartTls;
import dev.switchboard.scim.ScimUrns;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Welcome emails end to end: the real server, licensing through the SCIM API, and a real SMTP
 * server (GreenMail) in this JVM that the emails are delivered to and read back from.
 */
class WelcomeEmailTest {
  private static final String CC = ScimUrns.CONTACT_CENTER_USER;
  private static final String PHONE = ScimUrns.PHONE_USER;
  private static final String FROM = "Switchboard <noreply@switchboard.test>";
  private static final String PATCH =
      "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[";
  private static final String DEACTIVATE =
      PATCH + "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}";

  private int port;
  private GreenMail smtp;

  @BeforeEach
  void reservePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  private UnaryOperator<ServerConfig> mail() {
    return config ->
        config.withMail(MailSettings.smtp(SmtpSettings.plain("127.0.0.1", port, FROM)));
  }

  private TestServer startWithSmtp() {
    smtp.start();
    return TestServer.startWith(mail());
  }

  @Test
  void aFirstContactCenterLicenseSendsTierRoleAndQueuesToThePrimaryAddress() throws Exception {
    try (TestServer server = startWithSmtp()) {
      String ann =
          create(
              server,
              "{\"userName\":\"ann\",\"displayName\":\"Ann Andersson\",\"emails\":["
                  + "{\"value\":\"ann.home@example.org\"},"
                  + "{\"value\":\"ann@example.com\",\"primary\":true}],"
                  + "\""
                  + CC
                  + "\":{\"license\":\"standard\",\"role\":\"supervisor\","
                  + "\"queues\":[\"Sales\",\"Support & <VIP>\"]}}");
      assertEquals(1, server.deliverMail());

      MimeMessage[] received = smtp.getReceivedMessages();
      assertEquals(1, received.length);
      MimeMessage mail = received[0];
      assertEquals("ann@example.com", mail.getAllRecipients()[0].toString());
      assertEquals(FROM, mail.getFrom()[0].toString());
      assertEquals("Welcome to the contact center, Ann Andersson", mail.getSubject());
      String text = part(mail, 0);
      String html = part(mail, 1);
      String agentId = server.get("/Users/" + ann).body().path(CC).path("agentId").asText();
      assertTrue(text.contains("You now have a premium contact-center license"), text);
      assertTrue(text.contains("Role: supervisor"), text);
      assertTrue(text.contains("Queues: Sales, Support & <VIP>"), text);
      assertTrue(text.contains("Agent id: " + agentId), text);
      assertTrue(html.contains("<strong>premium</strong>"), html);
      assertTrue(html.contains("Queues: Sales, Support &amp; &lt;VIP&gt;"), html);
      assertTrue(html.contains("Agent id: " + agentId), html);

      JsonNode listed = server.getRoot("/admin/mail?state=delivered", bearer()).body();
      assertEquals(1, listed.get("totalResults").asInt());
      JsonNode row = listed.at("/Resources/0");
      assertEquals("contactCenter", row.get("product").asText());
      assertEquals("ann@example.com", row.get("recipient").asText());
      assertEquals(ann, row.at("/user/value").asText());
      assertEquals(1, row.get("attempts").asInt());
    }
  }

  @Test
  void aFirstPhoneLicenseSendsExtensionSiteAndDirectNumbers() throws Exception {
    try (TestServer server = startWithSmtp()) {
      server.post(
          "/Sites",
          "{\"name\":\"Stockholm\",\"extensionRanges\":[{\"from\":\"4100\",\"to\":\"4199\"}]}");
      server.post("/CallingPackages", "{\"name\":\"national\",\"rank\":10}");
      server.post("/PhoneNumbers", "{\"number\":\"+4687001234\",\"site\":\"Stockholm\"}");
      create(
          server,
          "{\"userName\":\"bo\",\"emails\":[{\"value\":\"bo@example.com\"}],\""
              + PHONE
              + "\":{\"licensed\":true,\"site\":\"Stockholm\",\"callingPackage\":\"national\","
              + "\"directNumbers\":[\"+4687001234\"]}}");
      assertEquals(1, server.deliverMail());

      MimeMessage mail = smtp.getReceivedMessages()[0];
      assertEquals("bo@example.com", mail.getAllRecipients()[0].toString());
      assertEquals("Your phone extension is 4100", mail.getSubject());
      String text = part(mail, 0);
      String html = part(mail, 1);
      assertTrue(text.contains("Extension: 4100"), text);
      assertTrue(text.contains("Site: Stockholm"), text);
      assertTrue(text.contains("Direct numbers: +4687001234"), text);
      assertTrue(text.contains("Calling package: national"), text);
      assertTrue(html.contains("<strong>4100</strong>"), html);
      assertTrue(html.contains("Direct numbers: +4687001234"), html);
    }
  }

  @Test
  void onlyTheFirstLicenseSendsAWelcome() throws Exception {
    try (TestServer server = startWithSmtp()) {
      String cy = create(server, userWith("cy", "{\"license\":\"standard\"}"));
      assertEquals(1, server.deliverMail());

      // Re-resolved: a changed body, a group template that upgrades the tier, a second group.
      server.patch(
          "/Users/" + cy,
          PATCH + "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Cy C\"}]}");
      String leads = server.createGroup("Leads");
      String vips = server.createGroup("VIPs");
      server.post(
          "/LicenseTemplates",
          "{\"name\":\"Leads\",\"group\":{\"value\":\""
              + leads
              + "\"},\"contactCenter\":\"premium\"}");
      server.post(
          "/LicenseTemplates",
          "{\"name\":\"VIPs\",\"group\":{\"value\":\""
              + vips
              + "\"},\"contactCenter\":\"premium\"}");
      addMember(server, leads, cy);
      addMember(server, vips, cy);
      assertEquals("premium", cc(server, cy).get("effectiveLicense").asText());
      // Lost, then given back later: still not a first license.
      server.patch(
          "/Users/" + cy,
          PATCH + "{\"op\":\"replace\",\"path\":\"" + CC + ":license\",\"value\":\"none\"}]}");
      server.send("PATCH", "/Groups/" + leads, removeMember(cy));
      server.send("PATCH", "/Groups/" + vips, removeMember(cy));
      assertEquals("none", cc(server, cy).get("effectiveLicense").asText());
      server.patch(
          "/Users/" + cy,
          PATCH + "{\"op\":\"replace\",\"path\":\"" + CC + ":license\",\"value\":\"standard\"}]}");
      assertEquals("assigned", cc(server, cy).get("licenseState").asText());

      assertEquals(0, server.deliverMail());
      assertEquals(1, smtp.getReceivedMessages().length);
      assertEquals(1, server.getRoot("/admin/mail", bearer()).body().get("totalResults").asInt());
    }
  }

  @Test
  void aUserWaitingForASeatIsWelcomedWhenTheSeatComes() throws Exception {
    try (TestServer server = startWithSmtp()) {
      server.put("/SeatPools/contactCenter.standard", "{\"capacity\":0}");
      String dee = create(server, userWith("dee", "{\"license\":\"standard\"}"));
      assertEquals("pending", cc(server, dee).get("licenseState").asText());
      assertEquals(0, server.deliverMail());
      assertEquals(0, smtp.getReceivedMessages().length);

      server.put("/SeatPools/contactCenter.standard", "{\"capacity\":1}");
      assertEquals("assigned", cc(server, dee).get("licenseState").asText());
      assertEquals(1, server.deliverMail());
      assertEquals(
          "dee@example.com", smtp.getReceivedMessages()[0].getAllRecipients()[0].toString());
    }
  }

  @Test
  void deactivatedUsersGetNoWelcome() throws Exception {
    try (TestServer server = startWithSmtp()) {
      create(
          server,
          "{\"userName\":\"eve\",\"active\":false,\"emails\":[{\"value\":\"eve@example.com\"}],\""
              + CC
              + "\":{\"license\":\"standard\"}}");
      // Queued while active, deactivated (or deleted) before it went: cancelled, not sent.
      String fay = create(server, userWith("fay", "{\"license\":\"standard\"}"));
      String gus = create(server, userWith("gus", "{\"license\":\"standard\"}"));
      server.patch("/Users/" + fay, DEACTIVATE);
      server.send("DELETE", "/Users/" + gus, null);

      assertEquals(0, server.deliverMail());
      assertEquals(0, smtp.getReceivedMessages().length);
      JsonNode cancelled = server.getRoot("/admin/mail?state=cancelled", bearer()).body();
      assertEquals(2, cancelled.get("totalResults").asInt(), cancelled.toString());
      assertTrue(
          cancelled.toString().contains("not sent: the user was deactivated first"),
          cancelled.toString());
      assertTrue(
          cancelled.toString().contains("not sent: the user was deleted first"),
          cancelled.toString());
    }
  }

  @Test
  void aChangeThatRollsBackSendsNothing() throws Exception {
    try (TestServer server = startWithSmtp()) {
      // A template preview runs licensing for the group's members, then rolls back.
      String leads = server.createGroup("Leads");
      String hal =
          create(server, "{\"userName\":\"hal\",\"emails\":[{\"value\":\"hal@example.com\"}]}");
      addMember(server, leads, hal);
      String template =
          "{\"name\":\"Leads\",\"group\":{\"value\":\""
              + leads
              + "\"},\"contactCenter\":\"premium\"}";
      assertEquals(
          1, server.post("/LicenseTemplates?dryRun=true", template).body().get("upgraded").asInt());
      // A request that fails after licensing ran: direct numbers without a calling package.
      TestServer.Reply refused =
          server.post(
              "/Users",
              userWith("ivy", "{\"license\":\"standard\"}")
                  .replace("}}", "},\"" + PHONE + "\":{\"directNumbers\":[\"+4687000000\"]}}"));
      assertEquals(400, refused.status(), refused.raw().body());

      assertEquals(0, server.deliverMail());
      assertEquals(0, server.getRoot("/admin/mail", bearer()).body().get("totalResults").asInt());

      // Neither left a "welcomed" mark behind: the real change sends exactly one each.
      assertEquals(201, server.post("/LicenseTemplates", template).status());
      create(server, userWith("ivy", "{\"license\":\"standard\"}"));
      assertEquals(2, server.deliverMail());
      assertEquals(2, smtp.getReceivedMessages().length);
    }
  }

  @Test
  void deliveryIsRetriedWithBackoffUntilTheMailServerIsUpAndSurvivesARestart() throws Exception {
    MutableClock clock = new MutableClock();
    Path db = Files.createTempDirectory("switchboard-mail").resolve("switchboard.db");
    try (TestServer server = TestServer.startWith(db, clock, mail())) {
      create(server, userWith("jo", "{\"license\":\"standard\"}"));
      assertEquals(0, server.deliverMail(), "the mail server is down");
      JsonNode pending = server.getRoot("/admin/mail?state=pending", bearer()).body();
      assertEquals(1, pending.get("totalResults").asInt());
      assertEquals(1, pending.at("/Resources/0/attempts").asInt());
      assertFalse(pending.at("/Resources/0/lastError").asText().isBlank(), pending.toString());
      assertTrue(metrics(server).contains("switchboard_mail_pending 1.0"), metrics(server));
    }
    smtp.start();
    try (TestServer server = TestServer.startWith(db, clock, mail())) {
      assertEquals(0, server.deliverMail(), "the next attempt is not due yet");
      clock.advance(Duration.ofSeconds(31));
      assertEquals(1, server.deliverMail());
      assertEquals(
          "jo@example.com", smtp.getReceivedMessages()[0].getAllRecipients()[0].toString());
      JsonNode delivered = server.getRoot("/admin/mail?state=delivered", bearer()).body();
      assertEquals(2, delivered.at("/Resources/0/attempts").asInt());
      assertEquals(0, server.deliverMail());
      String metrics = metrics(server);
      assertTrue(metrics.contains("switchboard_mail_delivered_total 1.0"), metrics);
      assertTrue(metrics.contains("switchboard_mail_pending 0.0"), metrics);
    }
  }

  @Test
  void aUserWithoutAnAddressIsRecordedAsFailedForAdmins() throws Exception {
    try (TestServer server = startWithSmtp()) {
      String kim =
          create(server, "{\"userName\":\"kim\",\"" + CC + "\":{\"license\":\"standard\"}}");
      assertEquals(0, server.deliverMail());
      JsonNode failed = server.getRoot("/admin/mail?state=failed", bearer()).body();
      assertEquals(1, failed.get("totalResults").asInt());
      assertEquals("the user has no email address", failed.at("/Resources/0/lastError").asText());
      assertTrue(metrics(server).contains("switchboard_mail_failed 1.0"));

      TestServer.Reply resend = resend(server, kim);
      assertEquals(409, resend.status());
      assertTrue(
          resend.body().get("detail").asText().contains("no email address"), resend.raw().body());
    }
  }

  @Test
  void anAdminResendsTheWelcomeOfEachLicenseHeld() throws Exception {
    try (TestServer server = startWithSmtp()) {
      String lu = create(server, userWith("lu", "{\"license\":\"premium\"}"));
      assertEquals(1, server.deliverMail());

      TestServer.Reply resent = resend(server, lu);
      assertEquals(202, resent.status(), resent.raw().body());
      assertEquals("contactCenter", resent.body().at("/queued/0/product").asText());
      assertEquals("pending", resent.body().at("/queued/0/state").asText());
      assertEquals(1, server.deliverMail());
      assertEquals(2, smtp.getReceivedMessages().length);
      assertEquals(
          "lu@example.com", smtp.getReceivedMessages()[1].getAllRecipients()[0].toString());

      assertEquals(
          403,
          server
              .sendRoot(
                  "POST",
                  "/admin/users/" + lu + "/welcome",
                  null,
                  null,
                  "Bearer " + TestServer.IDP_TOKEN)
              .status());
      assertEquals(
          401,
          server.sendRoot("POST", "/admin/users/" + lu + "/welcome", null, null, null).status());
      assertEquals(404, resend(server, "no-such-user").status());
      String unlicensed =
          create(server, "{\"userName\":\"mo\",\"emails\":[{\"value\":\"mo@example.com\"}]}");
      TestServer.Reply nothing = resend(server, unlicensed);
      assertEquals(409, nothing.status());
      assertEquals("application/scim+json", nothing.header("Content-Type"));
      server.patch("/Users/" + lu, DEACTIVATE);
      assertEquals(409, resend(server, lu).status());
      assertEquals(0, server.deliverMail());
    }
  }

  @Test
  void templatesAreReplacedByFilesInTheOverrideFolder() throws Exception {
    Path folder = Files.createTempDirectory("welcome-templates");
    Files.writeString(folder.resolve("contactCenter.subject.txt"), "Hej {{userName}}: {{tier}}\n");
    Files.writeString(folder.resolve("contactCenter.html"), "<p>{{displayName}} → {{queues}}</p>");
    smtp.start();
    try (TestServer server =
        TestServer.startWith(
            config ->
                config.withMail(
                    MailSettings.smtp(SmtpSettings.plain("127.0.0.1", port, FROM))
                        .withTemplates(folder)))) {
      create(server, userWith("ned", "{\"license\":\"standard\",\"queues\":[\"A&B\"]}"));
      assertEquals(1, server.deliverMail());
      MimeMessage mail = smtp.getReceivedMessages()[0];
      assertEquals("Hej ned: standard", mail.getSubject());
      assertEquals("<p>ned → A&amp;B</p>", part(mail, 1));
      assertTrue(part(mail, 0).contains("Queues: A&B"), "the text part is still the default");
    }
  }

  @Test
  void requiredStartTlsRefusesToSendInClear() {
    smtp.start();
    try (TestServer server =
        TestServer.startWith(
            config ->
                config.withMail(
                    MailSettings.smtp(
                        new SmtpSettings(
                            "127.0.0.1", port, FROM, StartTls.REQUIRED, null, null))))) {
      create(server, userWith("pia", "{\"license\":\"standard\"}"));
      assertEquals(0, server.deliverMail());
      assertEquals(0, smtp.getReceivedMessages().length);
      JsonNode pending = server.getRoot("/admin/mail?state=pending", bearer()).body();
      assertTrue(
          pending.at("/Resources/0/lastError").asText().contains("STARTTLS"), pending.toString());
    }
  }

  @Test
  void withEmailOffNothingIsQueuedAndResendSaysWhy() {
    try (TestServer server = TestServer.start()) {
      String oz = create(server, userWith("oz", "{\"license\":\"standard\"}"));
      assertEquals(0, server.deliverMail());
      assertEquals(0, server.getRoot("/admin/mail", bearer()).body().get("totalResults").asInt());
      TestServer.Reply resend = resend(server, oz);
      assertEquals(409, resend.status());
      assertTrue(resend.body().get("detail").asText().contains("--smtp-host"), resend.raw().body());
    }
  }

  private static String userWith(String userName, String contactCenter) {
    return "{\"userName\":\""
        + userName
        + "\",\"emails\":[{\"value\":\""
        + userName
        + "@example.com\"}],\""
        + CC
        + "\":"
        + contactCenter
        + "}";
  }

  private static String create(TestServer server, String body) {
    TestServer.Reply reply = server.post("/Users", body);
    assertEquals(201, reply.status(), reply.raw().body());
    return reply.body().get("id").asText();
  }

  private static void addMember(TestServer server, String group, String user) {
    TestServer.Reply reply =
        server.patch(
            "/Groups/" + group,
            PATCH
                + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + user
                + "\"}]}]}");
    assertTrue(reply.status() < 300, reply.raw().body());
  }

  private static String removeMember(String user) {
    return PATCH + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + user + "\\\"]\"}]}";
  }

  private static JsonNode cc(TestServer server, String user) {
    return server.get("/Users/" + user).body().path(CC);
  }

  private static TestServer.Reply resend(TestServer server, String user) {
    return server.sendRoot("POST", "/admin/users/" + user + "/welcome", null, null);
  }

  private static String metrics(TestServer server) {
    return server.getRoot("/metrics", bearer()).raw().body();
  }

  private static String bearer() {
    return "Bearer " + TestServer.ADMIN_TOKEN;
  }

  private static String part(MimeMessage mail, int index) throws Exception {
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    return (String) parts.getBodyPart(index).getContent();
  }
}
