package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.TestServer;
import dev.switchboard.TestServer.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A server that stops in the middle of an import: the rows committed before the stop stay, and
 * after the restart the import shows {@code failed} (never "running" forever) with the line it
 * stopped at.
 */
class ImportRestartTest {
  private static final int USERS = 2000;
  private static final String LICENSE =
      "urn:switchboard:params:scim:schemas:extension:contactcenter:1.0:User:license";

  @Test
  void anImportCutOffByAStopShowsFailedAndKeepsItsCommittedRows() throws Exception {
    Path db = Files.createTempDirectory("switchboard-restart").resolve("switchboard.db");
    StringBuilder csv = new StringBuilder("userName,license\n");
    String location;
    JsonNode midway;
    try (TestServer server = TestServer.startOn(db)) {
      createUsers(server);
      for (int i = 0; i < USERS; i++) {
        csv.append("restart-").append(i).append("@example.com,standard\n");
      }
      Reply started =
          server.sendRoot(
              "POST",
              "/admin/imports?mode=sync",
              csv.toString().getBytes(StandardCharsets.UTF_8),
              "text/csv");
      assertEquals(202, started.status(), started.raw().body());
      location = java.net.URI.create(started.header("Location")).getPath();
      midway = started.body();
      while (midway.get("processed").asInt() == 0) {
        Thread.sleep(5);
        midway = server.getRoot(location, "Bearer " + TestServer.ADMIN_TOKEN).body();
      }
    }
    assertEquals("running", midway.get("state").asText(), "progress shows while it runs");
    assertEquals(USERS, midway.get("total").asInt());

    try (TestServer restarted = TestServer.startOn(db)) {
      JsonNode status = restarted.getRoot(location, "Bearer " + TestServer.ADMIN_TOKEN).body();
      assertEquals("failed", status.get("state").asText(), status.toString());
      int processed = status.get("processed").asInt();
      assertTrue(processed > 0 && processed < USERS, "processed " + processed);
      long licensed =
          restarted
              .get(
                  "/Users?count=0&filter=" + LICENSE.replace(":", "%3A") + "%20eq%20%22standard%22")
              .body()
              .get("totalResults")
              .asLong();
      assertEquals(processed, licensed, "exactly the processed rows are applied");
      JsonNode last = status.get("errors").get(status.get("errors").size() - 1);
      assertEquals(
          processed + 2, last.get("line").asInt(), "the stop names the first line not applied");
    }
  }

  private static void createUsers(TestServer server) {
    for (int first = 0; first < USERS; first += 1000) {
      StringBuilder bulk =
          new StringBuilder(
              "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":[");
      for (int i = first; i < first + 1000; i++) {
        bulk.append(i == first ? "" : ",")
            .append("{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u")
            .append(i)
            .append("\",\"data\":{\"userName\":\"restart-")
            .append(i)
            .append("@example.com\"}}");
      }
      Reply reply = server.post("/Bulk", bulk.append("]}").toString());
      assertEquals(200, reply.status());
    }
  }
}
