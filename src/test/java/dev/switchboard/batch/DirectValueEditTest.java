package dev.switchboard.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What add ("add services only") and sync ("add and remove services") do to a user's values. */
class DirectValueEditTest {
  private static final ObjectMapper json = new ObjectMapper();
  private static final String CC =
      "urn:switchboard:params:scim:schemas:extension:contactcenter:1.0:User";
  private static final String PHONE =
      "urn:switchboard:params:scim:schemas:extension:phone:1.0:User";
  private static final Map<String, Long> RANKS = Map.of("local", 10L, "national", 20L);

  @Test
  void addNeverLowersOrRemoves() throws Exception {
    ObjectNode body = user();
    apply(
        ImportMode.ADD,
        row("standard", "agent", List.of("B"), false, "local", "Oslo", List.of()),
        body);
    ObjectNode expected = user();
    ((ObjectNode) expected.get(CC)).putArray("queues").add("A").add("B");
    assertEquals(expected, body, "only the new queue is added; nothing lowered or removed");
  }

  @Test
  void addRaisesAndFillsWhatIsMissing() throws Exception {
    ObjectNode body = (ObjectNode) json.readTree("{\"userName\":\"a\"}");
    apply(
        ImportMode.ADD,
        row("standard", "supervisor", List.of("A"), true, "local", "Oslo", List.of("+4611")),
        body);
    assertEquals("standard", body.at("/" + CC + "/license").asText());
    assertEquals("supervisor", body.at("/" + CC + "/role").asText());
    assertEquals("Oslo", body.at("/" + PHONE + "/site").asText());
    assertEquals("local", body.at("/" + PHONE + "/callingPackage").asText());
    apply(ImportMode.ADD, row(null, null, null, null, "national", null, null), body);
    assertEquals(
        "national", body.at("/" + PHONE + "/callingPackage").asText(), "a higher rank upgrades");
  }

  @Test
  void syncSetsExactlyWhatTheRowSaysAndBlankLeavesAlone() throws Exception {
    ObjectNode body = user();
    apply(
        ImportMode.SYNC, row("standard", "agent", List.of("B"), false, "", null, List.of()), body);
    assertEquals("standard", body.at("/" + CC + "/license").asText());
    assertEquals("agent", body.at("/" + CC + "/role").asText());
    assertEquals("[\"B\"]", body.at("/" + CC + "/queues").toString());
    assertEquals(false, body.at("/" + PHONE + "/licensed").asBoolean());
    assertEquals(true, body.at("/" + PHONE + "/callingPackage").isMissingNode());
    assertEquals("Stockholm", body.at("/" + PHONE + "/site").asText(), "blank = unchanged");
    assertEquals(true, body.at("/" + PHONE + "/directNumbers").isMissingNode());
  }

  @Test
  void theExtensionTheUserAlreadyHoldsChangesNothing() throws Exception {
    ObjectNode body = (ObjectNode) json.readTree("{\"userName\":\"a\"}");
    ImportRow row = new ImportRow(2, "a", null, null, null, null, null, null, "4100", null);
    DirectValueEdit.apply(ImportMode.SYNC, row, body, "4100", name -> 0);
    assertEquals(
        json.readTree("{\"userName\":\"a\"}"), body, "an automatic extension stays automatic");
    DirectValueEdit.apply(ImportMode.SYNC, row, body, "4101", name -> 0);
    assertEquals("4100", body.at("/" + PHONE + "/extensionNumber").asText());
  }

  private static ObjectNode user() throws Exception {
    return (ObjectNode)
        json.readTree(
            "{\"userName\":\"a\",\""
                + CC
                + "\":{\"license\":\"premium\",\"role\":\"supervisor\",\"queues\":[\"A\"]},\""
                + PHONE
                + "\":{\"licensed\":true,\"callingPackage\":\"national\",\"site\":\"Stockholm\","
                + "\"directNumbers\":[\"+4687001234\"]}}");
  }

  private static ImportRow row(
      String license,
      String role,
      List<String> queues,
      Boolean phone,
      String callingPackage,
      String site,
      List<String> numbers) {
    return new ImportRow(2, "a", license, role, queues, phone, callingPackage, site, null, numbers);
  }

  private static void apply(ImportMode mode, ImportRow row, ObjectNode body) {
    DirectValueEdit.apply(mode, row, body, null, name -> RANKS.getOrDefault(name, Long.MIN_VALUE));
  }
}
