package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.MutableClock;
import dev.switchboard.TestStores;
import dev.switchboard.provisioning.Caller;
import dev.switchboard.provisioning.OAuthClientService;
import dev.switchboard.provisioning.TokenLifetime;
import dev.switchboard.store.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access token lifetime option: 1h to 6h, as {@code 2h}, {@code 90m} or ISO-8601. */
class OAuthTokenLifetimeTest {
  @TempDir Path dir;

  @Test
  void lifetimesParseInTheFormsOperatorsWrite() {
    assertEquals(Duration.ofHours(2), TokenLifetime.parse("2h").value());
    assertEquals(Duration.ofMinutes(90), TokenLifetime.parse("90m").value());
    assertEquals(Duration.ofMinutes(150), TokenLifetime.parse("2h30m").value());
    assertEquals(Duration.ofHours(6), TokenLifetime.parse("PT6H").value());
    assertEquals(Duration.ofHours(1), TokenLifetime.DEFAULT.value());
  }

  @Test
  void lifetimesOutsideOneToSixHoursAreRefusedClearly() {
    IllegalArgumentException longer =
        assertThrows(IllegalArgumentException.class, () -> TokenLifetime.parse("7h"));
    assertEquals("the OAuth token lifetime is 1h to 6h, not 7h", longer.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TokenLifetime.parse("59m"));
    IllegalArgumentException garbage =
        assertThrows(IllegalArgumentException.class, () -> TokenLifetime.parse("two hours"));
    assertTrue(garbage.getMessage().contains("such as 2h"), garbage.getMessage());
  }

  @Test
  void aServerWithATwoHourLifetimeIssuesTokensThatLastTwoHours() throws Exception {
    MutableClock clock = new MutableClock();
    try (Database database = Database.open(TestStores.at(dir.resolve("switchboard.db")))) {
      OAuthClientService.NewClient client =
          new OAuthClientService(database, clock).create("entra-gallery", "idp", Caller.CLI);
      ServerConfig config =
          ServerConfig.loopback(0).withOAuthTokenLifetime(TokenLifetime.parse("2h"));
      SwitchboardServer server = SwitchboardServer.start(config, database, clock);
      try {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> issued =
            http.send(
                HttpRequest.newBuilder(server.scimBase().resolve("/oauth/token"))
                    .header("Content-Type", OAuthCalls.FORM)
                    .header(
                        "Authorization",
                        OAuthCalls.basic(client.client().id(), client.secret().secret()))
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = new ObjectMapper().readTree(issued.body());
        assertEquals(7200, body.get("expires_in").asLong(), issued.body());
        String token = body.get("access_token").asText();
        clock.advance(Duration.ofMinutes(119));
        assertEquals(200, users(http, server.scimBase(), token));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(401, users(http, server.scimBase(), token));
      } finally {
        server.close();
      }
    }
  }

  private static int users(HttpClient http, URI base, String token) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(base + "/Users"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }
}
