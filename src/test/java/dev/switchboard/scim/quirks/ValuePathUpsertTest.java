package dev.switchboard.scim.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.Fixtures;
import org.junit.jupiter.api.Test;

class ValuePathUpsertTest extends QuirkTestBase {
  @Test
  void replaceOfAMissingTypedValueCreatesIt() throws Exception {
    ObjectNode body =
        (ObjectNode)
            JsonUtils.getObjectReader()
                .readTree("{\"emails\":[{\"type\":\"home\",\"value\":\"h@example.com\"}]}");
    ValuePathUpsert.apply(
        PatchOperation.create(
            PatchOpType.REPLACE,
            Path.fromString("emails[type eq \"work\"].value"),
            TextNode.valueOf("w@example.com")),
        body);
    assertEquals(2, body.get("emails").size());
    assertEquals("w@example.com", body.at("/emails/1/value").asText());
    assertEquals("work", body.at("/emails/1/type").asText());
  }

  @Test
  void entraReplacesTheWorkEmailAndAddsAWorkAddress() {
    String userName = unique("mover");
    String id =
        server
            .post(
                "/Users",
                Fixtures.load(
                    Fixtures.ENTRA_CREATE_USER,
                    "userName",
                    userName + "@example.com",
                    "externalId",
                    userName))
            .body()
            .get("id")
            .asText();
    assertEquals(
        204,
        server
            .patch(
                "/Users/" + id,
                Fixtures.load(
                    Fixtures.ENTRA_PATCH_USER, "email", "new-" + userName + "@example.com"))
            .status());
    JsonNode user = server.get("/Users/" + id).body();
    assertEquals(1, user.get("emails").size());
    assertEquals("new-" + userName + "@example.com", user.at("/emails/0/value").asText());
    assertEquals("Kungsgatan 1, Stockholm", user.at("/addresses/0/formatted").asText());
    assertEquals("work", user.at("/addresses/0/type").asText());
  }

  @Test
  void replaceOnAUserWithoutAnyEmailCreatesTheWorkEmail() {
    String id = server.createUser(unique("bare"));
    assertEquals(
        204,
        server
            .patch(
                "/Users/" + id,
                "{\"schemas\":[\"urn:ietf:params:scim:api:"
                    + "messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Replace\",\"path\":\"emails[type eq"
                    + " \\\"work\\\"].value\",\"value\":\"first@example.com\"}]}")
            .status());
    assertEquals(
        "first@example.com", server.get("/Users/" + id).body().at("/emails/0/value").asText());
  }
}
