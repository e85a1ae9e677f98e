package dev.switchboard.scim.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.messages.PatchOpType;
import dev.switchboard.Fixtures;
import dev.switchboard.TestServer.Reply;
import org.junit.jupiter.api.Test;

class PatchOpAnyCaseTest extends QuirkTestBase {
  @Test
  void acceptsEveryCaseOfTheThreeOps() throws Exception {
    assertEquals(PatchOpType.REPLACE, PatchOpAnyCase.parse("rePlace"));
    assertEquals(PatchOpType.ADD, PatchOpAnyCase.parse("Add"));
    assertEquals(PatchOpType.REMOVE, PatchOpAnyCase.parse("REMOVE"));
    assertThrows(BadRequestException.class, () -> PatchOpAnyCase.parse("merge"));
  }

  @Test
  void entraCapitalisedReplaceIsApplied() {
    String id = server.createUser(unique("case"));
    String renamed = unique("renamed");
    Reply reply =
        server.patch(
            "/Users/" + id,
            "{\"schemas\":[\"urn:ietf:params:scim:api:"
                + "messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"rePlace\",\"path\":\"userName\","
                + "\"value\":\""
                + renamed
                + "\"}]}");
    assertEquals(204, reply.status());
    assertEquals(renamed, server.get("/Users/" + id).body().get("userName").asText());
  }

  @Test
  void anUnknownOpIs400AndChangesNothing() {
    String userName = unique("kept");
    String id = server.createUser(userName);
    Reply reply = server.patch("/Users/" + id, Fixtures.load(Fixtures.BAD_UNKNOWN_OP));
    assertEquals(400, reply.status());
    assertEquals("invalidSyntax", reply.body().get("scimType").asText());
    assertEquals(userName, server.get("/Users/" + id).body().get("userName").asText());
  }
}
