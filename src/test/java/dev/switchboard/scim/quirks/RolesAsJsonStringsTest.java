package dev.switchboard.scim.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.Fixtures;
import org.junit.jupiter.api.Test;

class RolesAsJsonStringsTest extends QuirkTestBase {
  @Test
  void decodesAnArraySentAsText() throws Exception {
    JsonNode decoded =
        RolesAsJsonStrings.decode(
            JsonUtils.getObjectReader()
                .readTree(
                    "\"[{\\\"primary\\\":true,\\\"type\\\":\\\"WindowsAzureActiveDirectoryRole\\\","
                        + "\\\"value\\\":\\\"Admin\\\"}]\""));
    assertEquals("Admin", decoded.at("/0/value").asText());
    assertEquals(true, decoded.at("/0/primary").booleanValue());
  }

  @Test
  void entraRoleValueHoldingJsonIsStoredAsTheRole() {
    String id = server.createUser(unique("agent"));
    assertEquals(
        204, server.patch("/Users/" + id, Fixtures.load(Fixtures.ENTRA_PATCH_ROLES)).status());
    JsonNode roles = server.get("/Users/" + id).body().get("roles");
    assertEquals(1, roles.size());
    assertEquals("Supervisor", roles.get(0).get("value").asText());
    assertEquals(
        "Supervisor",
        roles.get(0).get("display").asText(""),
        "displayName is not a roles sub-attribute; display is");
  }
}
