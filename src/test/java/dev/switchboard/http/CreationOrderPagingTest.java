package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.MutableClock;
import dev.switchboard.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Unfiltered lists in the default order page through the creation counts (V6) rather than an OFFSET
 * over the whole table: every page, at every start, holds exactly the rows an ordered scan would,
 * with ties in one millisecond, seconds and hours apart, and after deletes.
 */
class CreationOrderPagingTest {
  private record Created(long at, String id) {}

  @Test
  void everyPageOfUsersAndGroupsMatchesTheCreationOrder() {
    MutableClock clock = new MutableClock();
    try (TestServer server = TestServer.startAt(clock)) {
      List<Created> users = new ArrayList<>();
      List<Created> groups = new ArrayList<>();
      Duration[] steps = {
        Duration.ZERO,
        Duration.ofMillis(1),
        Duration.ofMillis(999),
        Duration.ofSeconds(1),
        Duration.ofHours(1),
        Duration.ofMinutes(59),
        Duration.ZERO,
        Duration.ofHours(30)
      };
      for (int i = 0; i < 40; i++) {
        clock.advance(steps[i % steps.length]);
        users.add(new Created(clock.millis(), server.createUser("u" + i)));
        if (i % 3 == 0) {
          groups.add(new Created(clock.millis(), server.createGroup("g" + i)));
        }
      }
      for (int i = 5; i < 40; i += 7) {
        assertEquals(204, server.send("DELETE", "/Users/" + users.get(i).id(), null).status());
      }
      users.removeIf(user -> server.get("/Users/" + user.id()).status() == 404);
      assertEquals(204, server.send("DELETE", "/Groups/" + groups.get(2).id(), null).status());
      groups.remove(2);

      assertPagesMatch(server, "/Users", users);
      assertPagesMatch(server, "/Groups", groups);
    }
  }

  private static void assertPagesMatch(TestServer server, String path, List<Created> created) {
    List<String> expected =
        created.stream()
            .sorted(Comparator.comparingLong(Created::at).thenComparing(Created::id))
            .map(Created::id)
            .toList();
    for (int start = 1; start <= expected.size() + 2; start++) {
      for (int count : new int[] {1, 3, 7}) {
        JsonNode page =
            server.get(path + "?startIndex=" + start + "&count=" + count + "&attributes=id").body();
        List<String> ids = new ArrayList<>();
        page.get("Resources").forEach(resource -> ids.add(resource.get("id").asText()));
        int from = Math.min(expected.size(), start - 1);
        assertEquals(
            expected.subList(from, Math.min(expected.size(), from + count)),
            ids,
            path + " startIndex=" + start + " count=" + count);
        assertEquals(expected.size(), page.get("totalResults").asInt(), path + " total");
      }
    }
  }
}
