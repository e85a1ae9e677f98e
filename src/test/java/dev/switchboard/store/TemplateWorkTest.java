package dev.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A template that names nothing of the phone does no phone work for its members, counted in JDBC
 * statements: a second standard template on a group whose {@value #MEMBERS} members already hold
 * standard only adds itself to their licenseSources, one statement per member; the phone resolution
 * it skips ran four more per member.
 */
class TemplateWorkTest {
  private static final int MEMBERS = 100;
  private static final String PHONE =
      "urn:switchboard:params:scim:schemas:extension:phone:1.0:User";

  @Test
  void aContactCenterTemplateDoesNoPhoneWorkPerMember() {
    RowCounter counter = new RowCounter();
    try (TestServer server = TestServer.start(counter::wrap)) {
      server.post(
          "/Sites", "{\"name\":\"HQ\",\"extensionRanges\":[{\"from\":\"100\",\"to\":\"999\"}]}");
      String member = groupOf(server, "agents");
      assertEquals(
          201, server.post("/LicenseTemplates", template("first", ",\"phone\":true")).status());

      counter.reset();
      assertEquals(201, server.post("/LicenseTemplates", template("second", "")).status());
      long statements = counter.statements();

      assertTrue(statements < 2 * MEMBERS, statements + " statements for " + MEMBERS + " members");
      assertEquals(
          "standard",
          server
              .get("/Users/" + member)
              .body()
              .at(
                  "/urn:switchboard:params:scim:schemas:extension:contactcenter:1.0:User/effectiveLicense")
              .asText());
      assertTrue(
          server.get("/Users/" + member).body().at("/" + PHONE + "/effectiveLicensed").asBoolean());
    }
  }

  private static String template(String name, String extra) {
    return "{\"name\":\""
        + name
        + "\",\"group\":{\"display\":\"agents\"},\"contactCenter\":\"standard\""
        + extra
        + "}";
  }

  /** A group of {@value #MEMBERS} new users; returns one member's id. */
  private static String groupOf(TestServer server, String name) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < MEMBERS; i++) {
      ids.add(server.createUser(name + "-" + i));
    }
    String members =
        ids.stream().map(id -> "{\"value\":\"" + id + "\"}").collect(Collectors.joining(","));
    assertEquals(
        201,
        server
            .post("/Groups", "{\"displayName\":\"" + name + "\",\"members\":[" + members + "]}")
            .status());
    return ids.get(0);
  }
}
