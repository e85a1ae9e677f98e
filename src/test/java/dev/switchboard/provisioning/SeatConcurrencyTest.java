package dev.switchboard.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A pool never goes over capacity, also when many licensed users arrive at once. */
class SeatConcurrencyTest {
  private static final String CC =
      "urn:switchboard:params:scim:schemas:extension:contactcenter:1.0:User";

  @Test
  void thirtyParallelPremiumUsersGetExactlyFiveSeats() throws Exception {
    try (TestServer server = TestServer.start()) {
      assertEquals(
          200, server.put("/SeatPools/contactCenter.premium", "{\"capacity\": 5}").status());
      ExecutorService pool = Executors.newFixedThreadPool(10);
      List<Future<Integer>> replies = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        String body =
            "{\"userName\":\"parallel-" + i + "\",\"" + CC + "\":{\"license\":\"premium\"}}";
        replies.add(pool.submit(() -> server.post("/Users", body).status()));
      }
      for (Future<Integer> reply : replies) {
        assertEquals(201, reply.get(), "provisioning never fails for lack of seats");
      }
      pool.shutdown();
      JsonNode premium = server.get("/SeatPools/contactCenter.premium").body();
      assertEquals(5, premium.get("inUse").asInt());
      assertEquals(25, premium.get("pending").asInt());
      JsonNode assigned =
          server
              .get(
                  "/Users?count=0&filter="
                      + java.net.URLEncoder.encode(
                          CC + ":licenseState eq \"assigned\"",
                          java.nio.charset.StandardCharsets.UTF_8))
              .body();
      assertEquals(5, assigned.get("totalResults").asInt());
    }
  }
}
