package dev.switchboard.scim.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoPathOperationSplitterTest extends QuirkTestBase {
  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @Test
  void eachKeyBecomesAPathAndIdIsDropped() throws Exception {
    ObjectNode value =
        (ObjectNode)
            JsonUtils.getObjectReader()
                .readTree(
                    "{\"id\":\"g1\","
                        + "\"name.givenName\":\"Ann\",\""
                        + ENTERPRISE
                        + ":employeeNumber\":\"7\",\""
                        + ENTERPRISE
                        + "\":{\"department\":\"D\"}}");
    List<String> paths =
        NoPathOperationSplitter.split(value, k -> k.equals(ENTERPRISE)).stream()
            .map(NoPathOperationSplitter.PathValue::path)
            .toList();
    assertEquals(
        List.of("name.givenName", ENTERPRISE + ":employeeNumber", ENTERPRISE + ":department"),
        paths);
  }

  @Test
  void entraNoPathAddWithDottedAndUrnKeysSetsThoseAttributes() {
    String userName = unique("dotted");
    String id = server.createUser(userName);
    assertEquals(
        204,
        server
            .patch(
                "/Users/" + id,
                Fixtures.load(Fixtures.ENTRA_PATCH_USER, "email", userName + "@example.com"))
            .status());
    JsonNode user = server.get("/Users/" + id).body();
    assertEquals("Anna", user.at("/name/givenName").asText());
    assertEquals("Berg", user.at("/name/familyName").asText());
    assertEquals("701984", user.at("/" + ENTERPRISE + "/employeeNumber").asText());
  }

  @org.junit.jupiter.api.Test
  void oktaRenameEchoingTheGroupIdRenamesAndKeepsMembers() {
    String groupId = server.createGroup(unique("Sales"));
    String member = server.createUser(unique("seller"));
    server.patch(
        "/Groups/" + groupId,
        Fixtures.load(
            Fixtures.ENTRA_ADD_MEMBERS, "first", member, "second", member, "unknown", member));
    String newName = unique("Sales Agents");
    assertEquals(
        204,
        server
            .patch(
                "/Groups/" + groupId,
                Fixtures.load(
                    Fixtures.OKTA_RENAME_GROUP, "groupId", groupId, "displayName", newName))
            .status());
    JsonNode group = server.get("/Groups/" + groupId).body();
    assertEquals(groupId, group.get("id").asText());
    assertEquals(newName, group.get("displayName").asText());
    assertEquals(member, group.at("/members/0/value").asText());
  }
}
