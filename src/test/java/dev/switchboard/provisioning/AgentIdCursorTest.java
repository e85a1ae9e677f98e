package dev.switchboard.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.TestServer;
import dev.switchboard.TestServer.Reply;
import org.junit.jupiter.api.Test;

/**
 * Agent ids come from a cursor rather than a scan of every holder; they are still the lowest free
 * id from 1000, also after a deletion or an explicit change gave one back.
 */
class AgentIdCursorTest {
  private static final String CC =
      "urn:switchboard:params:scim:schemas:extension:contactcenter:1.0:User";

  @Test
  void theLowestFreeIdIsGivenAlsoAfterIdsAreReleased() {
    try (TestServer server = TestServer.start()) {
      String a = licensed(server, "a");
      String b = licensed(server, "b");
      licensed(server, "c");
      assertEquals(1000, agentId(server, a));
      assertEquals(1001, agentId(server, b));

      assertEquals(204, server.send("DELETE", "/Users/" + b, null).status());
      assertEquals(1001, agentId(server, licensed(server, "d")), "a deleted user's id is reused");
      assertEquals(1003, agentId(server, licensed(server, "e")));

      Reply moved =
          server.patch(
              "/Users/" + a,
              "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                  + "\"Operations\":[{\"op\":\"replace\",\"path\":\""
                  + CC
                  + ":agentId\",\"value\":1004}]}");
      assertEquals(204, moved.status(), moved.raw().body());
      assertEquals(1000, agentId(server, licensed(server, "f")), "a changed id frees the old one");
      assertEquals(1005, agentId(server, licensed(server, "g")), "1004 is taken explicitly");
    }
  }

  private static String licensed(TestServer server, String userName) {
    Reply reply =
        server.post(
            "/Users",
            "{\"userName\":\"" + userName + "\",\"" + CC + "\":{\"license\":\"standard\"}}");
    assertEquals(201, reply.status(), reply.raw().body());
    return reply.body().get("id").asText();
  }

  private static long agentId(TestServer server, String id) {
    return server.get("/Users/" + id).body().path(CC).path("agentId").asLong();
  }
}
