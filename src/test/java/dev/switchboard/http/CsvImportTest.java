package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.TestServer;
import dev.switchboard.TestServer.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /admin/imports} and {@code /admin/exports/users.csv} through the real server. */
class CsvImportTest {
  private static final String CC =
      "urn:switchboard:params:scim:schemas:extension:contactcenter:1.0:User";
  private static final String PHONE =
      "urn:switchboard:params:scim:schemas:extension:phone:1.0:User";
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    post(
        "/Sites",
        "{\"name\":\"Stockholm\",\"extensionRanges\":[{\"from\":\"4100\",\"to\":\"4199\"}]}");
    post("/CallingPackages", "{\"name\":\"local\",\"rank\":10}");
    post("/CallingPackages", "{\"name\":\"national\",\"rank\":20}");
    post("/PhoneNumbers", "{\"number\":\"+4687001234\"}");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void webexColumnsWithBomCrlfAndQuotedLineBreaksImportInAddMode() {
    String ann = server.createUser("csv-ann@example.com");
    String bo = server.createUser("csv-bo@example.com");
    String cy = server.createUser("csv-cy@example.com");
    setLicense(cy, "standard");

    JsonNode status = importFile(fixture("webex-columns.csv"), "add");

    assertEquals("done", status.get("state").asText());
    assertEquals(4, status.get("total").asInt());
    assertEquals(4, status.get("processed").asInt());
    assertEquals(3, status.get("succeeded").asInt());
    assertEquals(1, status.get("failed").asInt());
    JsonNode error = status.at("/errors/0");
    assertEquals(6, error.get("line").asInt(), "the quoted line break makes Nobody line 6");
    assertEquals("userName", error.get("column").asText());
    assertTrue(error.get("detail").asText().contains("csv-nobody@example.com"), error.toString());
    assertEquals("standard", cc(ann).get("license").asText());
    assertEquals(List.of("Sales, North", "Support"), texts(cc(ann).get("queues")));
    assertEquals("premium", cc(bo).get("license").asText());
    assertEquals("standard", cc(cy).get("license").asText(), "add mode never lowers a license");

    importFile(fixture("webex-columns.csv"), "sync");
    assertEquals("none", cc(cy).get("license").asText(), "sync: both false = license removed");
  }

  @Test
  void aNumberWithoutItsPlusIsAnErrorThatSaysSo() {
    String dee = server.createUser("csv-dee@example.com");
    JsonNode status = importFile(fixture("plus-dropped.csv"), "sync");
    JsonNode error = status.at("/errors/0");
    assertEquals(2, error.get("line").asInt());
    assertEquals("directNumbers", error.get("column").asText());
    assertTrue(error.get("detail").asText().contains("no leading '+'"), error.toString());
    assertTrue(phone(dee).path("directNumbers").isMissingNode(), "nothing guessed");
  }

  @Test
  void aUserNamedTwiceIsAnErrorOnTheLaterLine() {
    String eve = server.createUser("csv-eve@example.com");
    server.createUser("csv-fay@example.com");
    JsonNode status = importFile(fixture("duplicate-users.csv"), "sync");
    assertEquals(2, status.get("succeeded").asInt());
    assertEquals(4, status.at("/errors/0/line").asInt());
    assertEquals("userName", status.at("/errors/0/column").asText(), "the repeat, not its value");
    assertTrue(status.at("/errors/0/detail").asText().contains("line 2"));
    assertEquals("standard", cc(eve).get("license").asText());
  }

  @Test
  void aBadFileIsRejectedBeforeAnyRowIsApplied() {
    String gil = server.createUser("csv-gil@example.com");
    long version = version(gil);
    assertRejected("unknown-column.csv", "licence");
    assertRejected("missing-username.csv", "userName");
    assertRejected("unterminated-quote.csv", "line 3");
    assertRejected("latin1.csv", "UTF-8");
    assertEquals(version, version(gil), "nothing of a rejected file was applied");
  }

  @Test
  void badValuesNameTheirLineAndColumn() {
    for (String name : List.of("kim", "kim2", "kim3", "kim4", "kim5", "kim6")) {
      server.createUser("csv-" + name + "@example.com");
    }
    JsonNode status = importFile(fixture("bad-values.csv"), "sync");
    assertEquals(7, status.get("failed").asInt(), status.toString());
    List<String> where = new ArrayList<>();
    for (JsonNode error : status.get("errors")) {
      where.add(error.get("line").asInt() + ":" + error.path("column").asText("-"));
    }
    assertEquals(
        List.of(
            "2:license",
            "3:role",
            "4:phoneLicensed",
            "5:extensionNumber",
            "6:directNumbers",
            "7:callingPackage",
            "8:userName"),
        where);
    assertTrue(status.at("/errors/4/detail").asText().contains("scientific notation"));
  }

  @Test
  void syncSetsAndClearsPhoneValuesAndRerunningChangesNothing() {
    String ivy = server.createUser("csv-ivy@example.com");
    String jon = server.createUser("csv-jon@example.com");

    JsonNode first = importFile(fixture("phone-sync.csv"), "sync");
    assertEquals(0, first.get("failed").asInt(), first.toString());
    JsonNode phone = phone(ivy);
    assertEquals("national", phone.get("callingPackage").asText());
    assertEquals("4105", phone.get("extensionNumber").asText());
    assertEquals("Stockholm", phone.get("effectiveSite").asText());
    assertEquals(List.of("+4687001234"), texts(phone.get("directNumbers")));
    assertEquals("supervisor", cc(ivy).get("role").asText());
    assertEquals("local", phone(jon).get("effectiveCallingPackage").asText());

    long ivyVersion = version(ivy);
    long jonVersion = version(jon);
    long events = auditCount();
    JsonNode again = importFile(fixture("phone-sync.csv"), "sync");
    assertEquals(2, again.get("succeeded").asInt());
    assertEquals(ivyVersion, version(ivy), "re-running a file changes nothing");
    assertEquals(jonVersion, version(jon));
    assertEquals(events, auditCount());

    importFile(fixture("phone-clear.csv"), "sync");
    phone = phone(ivy);
    assertEquals(false, phone.get("licensed").asBoolean());
    assertTrue(phone.path("callingPackage").isMissingNode());
    assertTrue(phone.path("directNumbers").isMissingNode());
    assertTrue(cc(ivy).path("queues").isMissingNode());
    assertEquals("premium", cc(ivy).get("license").asText(), "a column not in the file stays");
  }

  @Test
  void addModeRefusesToClearAValue() {
    server.createUser("csv-lou@example.com");
    JsonNode status =
        importFile(
            "userName,queues\ncsv-lou@example.com,-\n".getBytes(StandardCharsets.UTF_8), "add");
    assertEquals("queues", status.at("/errors/0/column").asText());
    assertTrue(status.at("/errors/0/detail").asText().contains("mode=sync"));
  }

  @Test
  void anExportImportsBackUnchanged() {
    String max = server.createUser("csv-max@example.com");
    setLicense(max, "premium");
    Reply export = server.getRoot("/admin/exports/users.csv", "Bearer " + TestServer.ADMIN_TOKEN);
    assertEquals(200, export.status());
    assertTrue(export.header("Content-Type").startsWith("text/csv"));
    String csv = export.raw().body();
    assertTrue(csv.startsWith("userName,displayName,active,license,role,queues,"), csv);
    assertTrue(csv.contains("csv-max@example.com,,true,premium,,,"), csv);
    long version = version(max);
    JsonNode status = importFile(csv.getBytes(StandardCharsets.UTF_8), "sync");
    assertEquals(0, status.get("failed").asInt(), status.toString());
    assertEquals(version, version(max));
  }

  @Test
  void importsNeedAnAdminTokenAndAKnownMode() {
    assertEquals(401, server.getRoot("/admin/imports/x", null).status());
    assertEquals(
        403, server.getRoot("/admin/exports/users.csv", "Bearer " + TestServer.IDP_TOKEN).status());
    Reply badMode =
        server.sendRoot("POST", "/admin/imports?mode=merge", "userName\n".getBytes(), "text/csv");
    assertEquals(400, badMode.status());
    assertTrue(badMode.body().get("detail").asText().contains("sync"));
    Reply json =
        server.sendRoot("POST", "/admin/imports?mode=add", "{}".getBytes(), "application/json");
    assertEquals(415, json.status());
    assertEquals(
        404, server.getRoot("/admin/imports/nope", "Bearer " + TestServer.ADMIN_TOKEN).status());
  }

  private static void assertRejected(String fixture, String mentioned) {
    Reply reply = server.sendRoot("POST", "/admin/imports?mode=sync", fixture(fixture), "text/csv");
    assertEquals(400, reply.status(), fixture + ": " + reply.raw().body());
    assertEquals("invalidValue", reply.body().get("scimType").asText());
    assertTrue(
        reply.body().get("detail").asText().contains(mentioned),
        fixture + ": " + reply.body().get("detail").asText());
  }

  /** Starts an import and waits for it to end; returns its final status. */
  static JsonNode importFile(byte[] csv, String mode) {
    Reply started = server.sendRoot("POST", "/admin/imports?mode=" + mode, csv, "text/csv");
    assertEquals(202, started.status(), started.raw().body());
    String location = started.header("Location");
    assertTrue(location.startsWith("http://"), location);
    JsonNode status = started.body();
    for (int polls = 0; status.get("state").asText().equals("running"); polls++) {
      assertTrue(polls < 600, "the import did not end");
      sleep();
      status = server.getRoot(location, "Bearer " + TestServer.ADMIN_TOKEN).body();
    }
    return status;
  }

  private static byte[] fixture(String name) {
    try (InputStream in = CsvImportTest.class.getResourceAsStream("/fixtures/csv/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void post(String path, String body) {
    Reply reply = server.post(path, body);
    assertEquals(201, reply.status(), reply.raw().body());
  }

  private static void setLicense(String id, String license) {
    Reply reply =
        server.patch(
            "/Users/" + id,
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\""
                + CC
                + ":license\",\"value\":\""
                + license
                + "\"}]}");
    assertEquals(204, reply.status(), reply.raw().body());
  }

  private static JsonNode cc(String id) {
    return server.get("/Users/" + id).body().path(CC);
  }

  private static JsonNode phone(String id) {
    return server.get("/Users/" + id).body().path(PHONE);
  }

  private static long version(String id) {
    return Long.parseLong(
        server.get("/Users/" + id).body().at("/meta/version").asText().replaceAll("\\D", ""));
  }

  private static long auditCount() {
    return server.get("/AuditEvents?count=0").body().get("totalResults").asLong();
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
