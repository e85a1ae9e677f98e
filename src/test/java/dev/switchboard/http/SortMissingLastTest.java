package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * RFC 7644 §3.4.2.3: resources without the sortBy attribute come last in either order, also when
 * SQL sorts (externalId, and displayName through its folded key).
 */
class SortMissingLastTest {
  @Test
  void usersWithoutTheAttributeComeLastAscendingAndDescending() {
    try (TestServer server = TestServer.start()) {
      server.post("/Users", "{\"userName\":\"a\",\"externalId\":\"x2\",\"displayName\":\"bo\"}");
      server.post("/Users", "{\"userName\":\"b\"}");
      server.post("/Users", "{\"userName\":\"c\",\"externalId\":\"x1\",\"displayName\":\"Åsa\"}");
      server.post("/Users", "{\"userName\":\"d\",\"displayName\":\"Anna\"}");

      // Those without a value tie, and ties go by id: only their place is fixed, not their order.
      assertSorted(sorted(server, "externalId", "ascending"), List.of("c", "a"), Set.of("b", "d"));
      assertSorted(sorted(server, "externalId", "descending"), List.of("a", "c"), Set.of("b", "d"));
      assertSorted(sorted(server, "displayName", "ascending"), List.of("d", "a", "c"), Set.of("b"));
      assertSorted(
          sorted(server, "displayName", "descending"), List.of("c", "a", "d"), Set.of("b"));
    }
  }

  private static void assertSorted(List<String> names, List<String> first, Set<String> last) {
    assertEquals(first, names.subList(0, first.size()));
    assertEquals(last, Set.copyOf(names.subList(first.size(), names.size())));
  }

  private static List<String> sorted(TestServer server, String sortBy, String order) {
    List<String> names = new ArrayList<>();
    server
        .get("/Users?attributes=userName&sortBy=" + sortBy + "&sortOrder=" + order)
        .body()
        .get("Resources")
        .forEach(user -> names.add(user.get("userName").asText()));
    return names;
  }
}
