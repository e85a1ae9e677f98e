package dev.switchboard.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.PatchBodies;
import dev.switchboard.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 7644 §3.14: clients that PATCH with the ETag they read cannot overwrite each other's change
 * unseen — of many racing on one version, exactly one wins and the rest get 412.
 */
class LostUpdateRaceTest {
  private static final int CLIENTS = 10;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void ofManyWritersOnOneVersionExactlyOneWins() throws Exception {
    try (TestServer server = TestServer.start()) {
      String id = server.createUser("contended");
      String etag = server.get("/Users/" + id).header("ETag");

      List<Integer> statuses =
          Race.times(
              CLIENTS,
              n ->
                  http.send(
                          HttpRequest.newBuilder(URI.create(server.base() + "/Users/" + id))
                              .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
                              .header("Content-Type", "application/scim+json")
                              .header("If-Match", etag)
                              .method(
                                  "PATCH",
                                  HttpRequest.BodyPublishers.ofString(
                                      PatchBodies.replace("displayName", "\"writer " + n + "\"")))
                              .build(),
                          HttpResponse.BodyHandlers.ofString())
                      .statusCode());

      assertEquals(
          1, statuses.stream().filter(status -> status / 100 == 2).count(), statuses.toString());
      assertEquals(CLIENTS - 1, statuses.stream().filter(status -> status == 412).count());
    }
  }
}
