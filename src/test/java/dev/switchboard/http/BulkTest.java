package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.TestServer;
import dev.switchboard.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 7644 §3.7 /Bulk through the real server. */
class BulkTest {
  private static final String BULK =
      "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"]";
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aGroupMayReferToAUserCreatedLaterInTheSameRequest() {
    Reply reply =
        server.post(
            "/Bulk",
            "{"
                + BULK
                + ",\"Operations\":["
                + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"g1\",\"data\":"
                + "{\"displayName\":\"Bulk Agents\",\"members\":[{\"value\":\"bulkId:u1\"}]}},"
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u1\",\"data\":"
                + "{\"userName\":\"bulk-ann\"}},"
                + "{\"method\":\"PATCH\",\"path\":\"/Users/bulkId:u1\",\"data\":"
                + "{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Ann\"}]}}"
                + "]}");
    assertEquals(200, reply.status());
    JsonNode operations = reply.body().get("Operations");
    assertEquals("201", operations.get(0).get("status").asText());
    assertEquals("201", operations.get(1).get("status").asText());
    assertEquals("204", operations.get(2).get("status").asText());
    String groupLocation = operations.get(0).get("location").asText();
    String userId = operations.get(1).get("location").asText().replaceAll(".*/", "");
    JsonNode group = server.get(groupLocation.replaceAll(".*/scim/v2", "")).body();
    assertEquals(userId, group.at("/members/0/value").asText());
    assertEquals("Ann", server.get("/Users/" + userId).body().get("displayName").asText());
  }

  @Test
  void failOnErrorsStopsAfterThatManyErrorsAndEachOperationCommitsOnItsOwn() {
    server.createUser("bulk-taken");
    Reply reply =
        server.post(
            "/Bulk",
            "{"
                + BULK
                + ",\"failOnErrors\":1,\"Operations\":["
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"a\",\"data\":{\"userName\":\"bulk-first\"}},"
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"b\",\"data\":{\"userName\":\"BULK-taken\"}},"
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"c\",\"data\":{\"userName\":\"bulk-never\"}}"
                + "]}");
    JsonNode operations = reply.body().get("Operations");
    assertEquals(2, operations.size());
    assertEquals("201", operations.get(0).get("status").asText());
    assertEquals("409", operations.get(1).get("status").asText());
    assertEquals("uniqueness", operations.get(1).at("/response/scimType").asText());
    assertEquals(1, count("bulk-first"));
    assertEquals(0, count("bulk-never"));
  }

  @Test
  void anUnresolvableBulkIdIsAConflictAndTooManyOperationsIs413() {
    Reply reply =
        server.post(
            "/Bulk",
            "{"
                + BULK
                + ",\"Operations\":[{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"g\","
                + "\"data\":{\"displayName\":\"Orphans\",\"members\":[{\"value\":\"bulkId:nobody\"}]}}]}");
    assertEquals("409", reply.body().at("/Operations/0/status").asText());
    StringBuilder many = new StringBuilder("{" + BULK + ",\"Operations\":[");
    for (int i = 0; i < 1001; i++) {
      many.append(i == 0 ? "" : ",").append("{\"method\":\"DELETE\",\"path\":\"/Users/x\"}");
    }
    Reply tooMany = server.post("/Bulk", many.append("]}").toString());
    assertEquals(413, tooMany.status());
    assertEquals("413", tooMany.body().get("status").asText());
  }

  @Test
  void anIdpTokenCannotReachAdminResourcesThroughBulk() {
    Reply reply =
        server.send(
            "POST",
            "/Bulk",
            "{"
                + BULK
                + ",\"Operations\":[{\"method\":\"POST\",\"path\":\"/CallingPackages\","
                + "\"bulkId\":\"p\",\"data\":{\"name\":\"sneaky\",\"rank\":1}}]}",
            "Bearer " + TestServer.IDP_TOKEN,
            "application/scim+json");
    assertEquals("403", reply.body().at("/Operations/0/status").asText());
    assertEquals(0, server.get("/CallingPackages").body().get("totalResults").asInt());
  }

  private static int count(String userName) {
    return server
        .get("/Users?filter=userName%20eq%20%22" + userName + "%22")
        .body()
        .get("totalResults")
        .asInt();
  }
}
