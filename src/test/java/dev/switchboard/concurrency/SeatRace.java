package dev.switchboard.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.PatchBodies;
import dev.switchboard.ScimClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A full pool under churn: clients keep switching their users between premium and none while the
 * pool has fewer seats than demand. Seats never exceed capacity, and at the end exactly the free
 * seats' worth of waiting users hold one (the checker, run after the race, adds that nobody waits
 * while a seat is free and every count equals its holders).
 */
public final class SeatRace {
  private static final int CAPACITY = 5;
  private static final int CLIENTS = 8;
  private static final int USERS_EACH = 3;
  private static final int FLIPS_EACH = 25;

  private SeatRace() {}

  public static void churnAtCapacityNeverOverfillsAndServesTheQueue(RaceTarget target)
      throws Exception {
    ScimClient admin = target.client(0);
    admin.put("/SeatPools/contactCenter.premium", "{\"capacity\": " + CAPACITY + "}");
    List<List<String>> usersOf = new ArrayList<>();
    for (int client = 0; client < CLIENTS; client++) {
      List<String> users = new ArrayList<>();
      for (int n = 0; n < USERS_EACH; n++) {
        users.add(target.client(client).createUser("seat-" + client + "-" + n));
      }
      usersOf.add(users);
    }

    List<Integer> premiumAtEnd =
        Race.times(
            CLIENTS,
            client -> {
              ScimClient server = target.client(client);
              Random random = new Random(client);
              boolean[] premium = new boolean[USERS_EACH];
              for (int flip = 0; flip < FLIPS_EACH; flip++) {
                int n = random.nextInt(USERS_EACH);
                premium[n] = !premium[n];
                String tier = premium[n] ? "premium" : "none";
                assertEquals(
                    204,
                    server
                        .patch(
                            "/Users/" + usersOf.get(client).get(n),
                            PatchBodies.replace(Wire.CC + ":license", "\"" + tier + "\""))
                        .status());
              }
              int count = 0;
              for (boolean p : premium) {
                count += p ? 1 : 0;
              }
              return count;
            });

    int demanding = premiumAtEnd.stream().mapToInt(Integer::intValue).sum();
    JsonNode pool = admin.get("/SeatPools/contactCenter.premium").body();
    assertEquals(Math.min(CAPACITY, demanding), pool.path("inUse").asInt(), pool.toString());
    assertEquals(Math.max(0, demanding - CAPACITY), pool.path("pending").asInt(), pool.toString());
  }
}
