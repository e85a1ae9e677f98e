package dev.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The outbox costs one statement per event, counted in JDBC executions: a template that licenses
 * the {@value #MEMBERS} members of a group writes an event per audited change (license and agentId
 * of each member) with one INSERT each, and nothing else touches the events table.
 */
class EventWorkTest {
  private static final int MEMBERS = 100;
  private static final Pattern EVENTS_TABLE = Pattern.compile("\\bevents\\b");

  @Test
  void eachEventIsOneInsert() {
    RowCounter counter = new RowCounter();
    try (TestServer server = TestServer.start(counter::wrap)) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < MEMBERS; i++) {
        ids.add(server.createUser("agent-" + i));
      }
      String members =
          ids.stream().map(id -> "{\"value\":\"" + id + "\"}").collect(Collectors.joining(","));
      server.post("/Groups", "{\"displayName\":\"agents\",\"members\":[" + members + "]}");
      long before = eventCount(server);

      counter.reset();
      assertEquals(
          201,
          server
              .post(
                  "/LicenseTemplates",
                  "{\"name\":\"t\",\"group\":{\"display\":\"agents\"},\"contactCenter\":\"standard\"}")
              .status());
      long statements = counter.statementsMatching(EVENTS_TABLE);

      long written = eventCount(server) - before;
      assertEquals(2 * MEMBERS, written, "a license and an agentId per member");
      assertEquals(written, statements, "one INSERT per event, no other statement on events");
      assertEquals(
          written,
          counter.statementsMatching(Pattern.compile("^INSERT INTO events ")),
          "and those are the INSERTs");
    }
  }

  private static long eventCount(TestServer server) {
    return server
        .getRoot("/admin/events?since=0&count=0", "Bearer " + TestServer.ADMIN_TOKEN)
        .body()
        .get("totalResults")
        .asLong();
  }
}
