package dev.switchboard.scim.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.Fixtures;
import dev.switchboard.TestServer.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BooleanStringsTest extends QuirkTestBase {
  @Test
  void readsTrueAndFalseInAnyCase() {
    assertEquals(true, BooleanStrings.parse(TextNode.valueOf("True")).get().booleanValue());
    assertEquals(false, BooleanStrings.parse(TextNode.valueOf("FALSE")).get().booleanValue());
    assertTrue(BooleanStrings.parse(TextNode.valueOf("maybe")).isEmpty());
  }

  @Test
  void postWithActiveAsStringTrueStoresABoolean() {
    String userName = unique("emp1");
    Reply created =
        server.post(
            "/Users", Fixtures.load(Fixtures.MS_POST_USER_STRING_TRUE, "userName", userName));
    assertEquals(201, created.status());
    assertTrue(created.body().get("active").isBoolean());
    assertTrue(created.body().get("active").booleanValue());
    assertTrue(created.body().at("/emails/0/primary").booleanValue());
    assertEquals("BobIsAmazing", created.body().get("displayName").asText());
  }

  @Test
  void patchWithActiveStringFalseDeactivatesAndFilterFindsIt() {
    String userName = unique("leaver");
    String id = server.createUser(userName);
    assertEquals(
        204, server.patch("/Users/" + id, Fixtures.load(Fixtures.ENTRA_DISABLE_USER)).status());
    Reply user = server.get("/Users/" + id);
    assertEquals(false, user.body().get("active").booleanValue());
    String filter =
        URLEncoder.encode(
            "userName eq \"" + userName + "\" and active eq \"False\"", StandardCharsets.UTF_8);
    assertEquals(1, server.get("/Users?filter=" + filter).body().get("totalResults").asInt());
  }

  @Test
  void aStringThatIsNoBooleanIsRejectedAndNothingStored() {
    String userName = unique("maybe");
    Reply reply =
        server.post("/Users", Fixtures.load(Fixtures.BAD_ACTIVE_NOT_BOOLEAN, "userName", userName));
    assertEquals(400, reply.status());
    assertEquals("invalidValue", reply.body().get("scimType").asText());
    String filter = URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8);
    assertEquals(0, server.get("/Users?filter=" + filter).body().get("totalResults").asInt());
  }
}
