package dev.switchboard.scim.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.Fixtures;
import org.junit.jupiter.api.Test;

class EnterpriseManagerValueTest extends QuirkTestBase {
  private static final String ENTERPRISE =
      "/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @Test
  void bareStringBecomesAnObjectAndBlankRemovesIt() throws Exception {
    ObjectNode extension =
        (ObjectNode) JsonUtils.getObjectReader().readTree("{\"manager\":\"m1\"}");
    EnterpriseManagerValue.normalize(extension);
    assertEquals("m1", extension.at("/manager/value").asText());
    ObjectNode cleared =
        (ObjectNode) JsonUtils.getObjectReader().readTree("{\"manager\":{\"value\":\"\"}}");
    EnterpriseManagerValue.normalize(cleared);
    assertFalse(cleared.has("manager"));
  }

  @Test
  void entraManagerAsStringIsReturnedAsObjectAndClearedByEmptyValue() {
    String managerId = server.createUser(unique("boss"));
    String id = server.createUser(unique("report"));
    assertEquals(
        204,
        server
            .patch(
                "/Users/" + id, Fixtures.load(Fixtures.ENTRA_PATCH_MANAGER, "managerId", managerId))
            .status());
    JsonNode user = server.get("/Users/" + id).body();
    assertEquals(managerId, user.at(ENTERPRISE + "/manager/value").asText());

    assertEquals(
        204, server.patch("/Users/" + id, Fixtures.load(Fixtures.ENTRA_CLEAR_MANAGER)).status());
    assertFalse(server.get("/Users/" + id).body().at(ENTERPRISE).has("manager"));
  }
}
