package dev.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The admin console's filters are answered by SQL over columns, not by rendering and testing every
 * user: a resolved license state or tier, and {@code co} on userName and emails, read only the rows
 * they return (counted at the JDBC boundary), and return exactly the right users.
 */
class IndexedFilterWorkTest {
  private static final String CC =
      "urn:switchboard:params:scim:schemas:extension:contactcenter:1.0:User";
  private static final String PHONE =
      "urn:switchboard:params:scim:schemas:extension:phone:1.0:User";
  private static final int OTHERS = 150;

  @Test
  void licensingAndContainsFiltersReadOnlyWhatTheyReturn() {
    RowCounter counter = new RowCounter();
    try (TestServer server = TestServer.start(counter::wrap)) {
      for (int i = 0; i < OTHERS; i++) {
        server.createUser("agent" + i + "@example.com");
      }
      server.post(
          "/Users",
          "{\"userName\":\"Pat_Lead%1@Example.com\",\"emails\":[{\"value\":\"pat@Sales.example\"}],\""
              + CC
              + "\":{\"license\":\"premium\"},\""
              + PHONE
              + "\":{\"licensed\":true}}");
      server.patch(
          "/SeatPools/contactCenter.premium",
          "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
              + "\"Operations\":[{\"op\":\"replace\",\"path\":\"capacity\",\"value\":1}]}");
      server.post(
          "/Users", "{\"userName\":\"kim@example.com\",\"" + CC + "\":{\"license\":\"premium\"}}");

      assertEquals(
          List.of("kim@example.com"), names(server, counter, CC + ":licenseState eq \"PENDING\""));
      assertEquals(
          List.of("Pat_Lead%1@Example.com", "kim@example.com"),
          names(server, counter, CC + ":effectiveLicense eq \"premium\""));
      assertEquals(
          List.of("Pat_Lead%1@Example.com"),
          names(server, counter, PHONE + ":licenseState eq \"pending\""));
      assertEquals(
          List.of("Pat_Lead%1@Example.com"), names(server, counter, "userName co \"_LEAD%\""));
      assertEquals(List.of(), names(server, counter, "userName co \"xlead\""));
      String asa =
          server
              .post(
                  "/Users",
                  "{\"userName\":\"asa@example.com\",\"displayName\":\"Åsa Öberg\",\""
                      + CC
                      + "\":{\"queues\":[\"Sales\",\"Support\"]}}")
              .body()
              .get("id")
              .asText();
      assertEquals(List.of("asa@example.com"), names(server, counter, CC + ":queues eq \"SALES\""));
      server.patch(
          "/Users/" + asa,
          "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\""
              + CC
              + ":queues\",\"value\":[\"Billing\"]}]}");
      assertEquals(List.of(), names(server, counter, CC + ":queues eq \"sales\""));
      assertEquals(List.of("asa@example.com"), names(server, counter, CC + ":queues co \"bill\""));
      assertEquals(List.of("asa@example.com"), names(server, counter, "displayName co \"sa ÖB\""));
      assertEquals(
          List.of("asa@example.com"),
          names(
              server,
              counter,
              "userName co \"ÅSA Ö\" or displayName co \"åsa ö\" or emails.value co \"Åsa\""));
      assertEquals(
          List.of("Pat_Lead%1@Example.com"),
          names(server, counter, "userName co \"zzz\" or emails.value co \"SALES.ex\""));
    }
  }

  /** The userNames matching {@code filter}, in creation order; asserts the rows read stay few. */
  private static List<String> names(TestServer server, RowCounter counter, String filter) {
    counter.reset();
    JsonNode list =
        server
            .get(
                "/Users?attributes=userName&filter="
                    + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"))
            .body();
    assertTrue(
        counter.rowsRead() < 20, filter + " read " + counter.rowsRead() + " rows of " + OTHERS);
    List<String> names = new ArrayList<>();
    list.get("Resources").forEach(user -> names.add(user.get("userName").asText()));
    return names;
  }
}
