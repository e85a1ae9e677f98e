package dev.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.PatchBodies;
import dev.switchboard.TestServer;
import dev.switchboard.scim.ScimUrns;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A store with a little of every kind of row, made through the HTTP API as an IdP and an admin
 * would make it, and the reads that show all of it: what a store copy must carry over. Users with
 * emails, display names and queues, direct licenses, groups with members, a standard and a premium
 * template (premium wins), a full premium pool with someone waiting, sites with ranges and
 * extensions, calling packages, direct numbers (one held for a deactivated user), an OAuth client,
 * a webhook, an import with an error line, and the welcome mails, config changes, audit events and
 * events all of that writes.
 */
final class ApiBuiltStore {
  private static final String CC = ScimUrns.CONTACT_CENTER_USER;
  private static final String PHONE = ScimUrns.PHONE_USER;

  private final TestServer server;
  private final List<String> reads = new ArrayList<>();

  /** The OAuth client made here: its id and secret. */
  private String clientId;

  private String clientSecret;

  private ApiBuiltStore(TestServer server) {
    this.server = server;
  }

  /** Fills {@code server}'s store (with mail on, so welcomes are queued); fails unless all went. */
  static ApiBuiltStore build(TestServer server) {
    ApiBuiltStore store = new ApiBuiltStore(server);
    store.configure();
    store.provision();
    store.integrate();
    return store;
  }

  /** Every GET (SCIM path, or root path under {@code /admin}) that shows the store's contents. */
  List<String> reads() {
    return List.copyOf(reads);
  }

  String clientId() {
    return clientId;
  }

  String clientSecret() {
    return clientSecret;
  }

  private void configure() {
    expect(200, server.put("/SeatPools/contactCenter.premium", "{\"capacity\":2}"));
    String stockholm =
        create(
            "/Sites",
            "{\"name\":\"Stockholm\",\"extensionRanges\":[{\"from\":\"4100\",\"to\":\"4199\"}],"
                + "\"extensionCooldownDays\":7,\"holdDays\":30}");
    String oslo =
        create(
            "/Sites",
            "{\"name\":\"Oslo\",\"extensionRanges\":[{\"from\":\"510\",\"to\":\"519\"}]}");
    String national = create("/CallingPackages", "{\"name\":\"national\",\"rank\":10}");
    create("/CallingPackages", "{\"name\":\"international\",\"rank\":20}");
    String number = create("/PhoneNumbers", "{\"number\":\"+4687001234\",\"site\":\"Stockholm\"}");
    create("/PhoneNumbers", "{\"number\":\"+4687001235\",\"site\":\"Stockholm\"}");
    create("/PhoneNumbers", "{\"number\":\"+4722001234\",\"site\":\"Oslo\"}");
    reads.addAll(
        List.of(
            "/SeatPools",
            "/SeatPools/contactCenter.premium",
            "/Sites",
            "/Sites/" + stockholm,
            "/Sites/" + oslo,
            "/CallingPackages",
            "/CallingPackages/" + national,
            "/PhoneNumbers",
            "/PhoneNumbers/" + number,
            "/PhoneNumbers?filter=" + encoded("state eq \"unassigned\"")));
  }

  private void provision() {
    String ann =
        user(
            "{\"userName\":\"ann@example.com\",\"displayName\":\"Ann Andersson\","
                + "\"name\":{\"givenName\":\"Ann\",\"familyName\":\"Andersson\"},"
                + "\"emails\":[{\"value\":\"ann.home@example.org\"},"
                + "{\"value\":\"ann@example.com\",\"primary\":true}],\""
                + CC
                + "\":{\"license\":\"standard\",\"queues\":[\"Sales\",\"Support\"]}}");
    String bo =
        user(
            "{\"userName\":\"bo@example.com\",\"displayName\":\"Bo Berg\",\"emails\":"
                + "[{\"value\":\"bo@example.com\"}],\""
                + PHONE
                + "\":{\"licensed\":true,\"callingPackage\":\"national\",\"site\":\"Stockholm\","
                + "\"directNumbers\":[\"+4687001234\"]}}");
    String cy =
        user(
            "{\"userName\":\"cy@example.com\",\"externalId\":\"entra-cy\",\""
                + CC
                + "\":{\"role\":\"supervisor\",\"agentId\":2042}}");
    String dee = user("{\"userName\":\"dee@example.com\"}");
    String eve =
        user(
            "{\"userName\":\"eve@example.com\",\""
                + PHONE
                + "\":{\"licensed\":true,\"callingPackage\":\"national\",\"site\":\"Stockholm\","
                + "\"extensionNumber\":\"4150\","
                + "\"directNumbers\":[\"+4687001235\"]}}");
    succeeds(server.patch("/Users/" + eve, PatchBodies.replace("active", "false")));
    String sales =
        create(
            "/Groups",
            "{\"displayName\":\"Sales\",\"members\":[{\"value\":\""
                + ann
                + "\"},{\"value\":\""
                + bo
                + "\"}]}");
    String leads = create("/Groups", "{\"displayName\":\"Leads\"}");
    String standard =
        create(
            "/LicenseTemplates",
            "{\"name\":\"sales-standard\",\"group\":{\"value\":\""
                + sales
                + "\"},\"contactCenter\":\"standard\"}");
    String premium =
        create(
            "/LicenseTemplates",
            "{\"name\":\"leads-premium\",\"group\":{\"display\":\"Leads\"},\"precedence\":10,"
                + "\"contactCenter\":\"premium\",\"phone\":true,\"callingPackage\":\"international\","
                + "\"site\":\"Oslo\"}");
    succeeds(server.patch("/Groups/" + leads, PatchBodies.addMember(ann)));
    succeeds(server.patch("/Groups/" + leads, PatchBodies.addMember(dee)));
    assertEquals(
        "pending",
        server.get("/Users/" + dee).body().path(CC).path("licenseState").asText(),
        "the premium pool is full: dee waits");
    for (String id : List.of(ann, bo, cy, dee, eve)) {
      reads.add("/Users/" + id);
    }
    reads.addAll(
        List.of(
            "/Users",
            "/Users?sortBy=userName&sortOrder=descending&count=3&startIndex=2",
            "/Users?filter=" + encoded(CC + ":queues eq \"Sales\""),
            "/Users?filter=" + encoded("displayName co \"an\""),
            "/Groups",
            "/Groups/" + sales,
            "/Groups/" + leads,
            "/Groups?excludedAttributes=members",
            "/LicenseTemplates",
            "/LicenseTemplates/" + standard,
            "/LicenseTemplates/" + premium,
            "/AuditEvents?count=1000",
            "/AuditEvents?filter=" + encoded("user.value eq \"" + ann + "\""),
            "/admin/groups",
            "/admin/seat-usage?since=2000-01-01T00:00:00Z",
            "/admin/site-usage",
            "/admin/exports/users.csv",
            "/admin/mail",
            "/admin/events?since=0&count=1000"));
  }

  private void integrate() {
    String webhook =
        create(
            "/Webhooks",
            "{\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"user.contactCenter.changed\"],"
                + "\"secret\":\"whsec-0123456789abcdef\"}");
    TestServer.Reply client =
        server.sendRoot(
            "POST",
            "/admin/oauth-clients",
            "{\"name\":\"okta\",\"scope\":\"idp\"}".getBytes(StandardCharsets.UTF_8),
            "application/json");
    expect(201, client);
    clientId = client.body().get("id").asText();
    clientSecret = client.body().get("clientSecret").asText();
    String importId =
        importCsv("userName,license\nbo@example.com,standard\nnobody@example.com,premium\n");
    reads.addAll(
        List.of(
            "/Webhooks",
            "/Webhooks/" + webhook,
            "/admin/oauth-clients",
            "/admin/oauth-clients/" + clientId,
            "/admin/imports/" + importId,
            "/admin/config-changes?count=1000"));
  }

  private String importCsv(String csv) {
    TestServer.Reply started =
        server.sendRoot(
            "POST", "/admin/imports?mode=add", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    expect(202, started);
    JsonNode status = started.body();
    for (int polls = 0; status.get("state").asText().equals("running"); polls++) {
      assertTrue(polls < 600, "the import did not end");
      pause();
      status =
          server.getRoot(started.header("Location"), "Bearer " + TestServer.ADMIN_TOKEN).body();
    }
    assertEquals(1, status.get("failed").asInt(), status.toString());
    return status.get("id").asText();
  }

  private String user(String body) {
    return create("/Users", body);
  }

  private String create(String path, String body) {
    TestServer.Reply reply = server.post(path, body);
    expect(201, reply);
    return reply.body().get("id").asText();
  }

  private static void expect(int status, TestServer.Reply reply) {
    assertEquals(status, reply.status(), reply.raw().body());
  }

  private static void succeeds(TestServer.Reply reply) {
    assertEquals(2, reply.status() / 100, reply.status() + " " + reply.raw().body());
  }

  private static String encoded(String filter) {
    return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
