package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.MutableClock;
import dev.switchboard.TestServer;
import dev.switchboard.TestServer.Reply;
import dev.switchboard.provisioning.Scope;
import dev.switchboard.provisioning.TokenService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Per-token rate limits over HTTP. The clock stands still unless a test moves it, so a bucket
 * refills only when the test says and the counts are exact.
 */
class RateLimitTest {
  private static final String IDP = "Bearer " + TestServer.IDP_TOKEN;
  private static final String ADMIN = "Bearer " + TestServer.ADMIN_TOKEN;
  private static final String USER =
      "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"%s\"}";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MutableClock clock = new MutableClock();

  @Test
  void aBurstOverTheIdpLimitGets429sWhileTheAdminTokenIsUnaffected() throws Exception {
    try (TestServer server = start(new RateLimits(5, 0), clock)) {
      List<Reply> idp = burst(server, IDP, 20);
      List<Reply> admin = burst(server, ADMIN, 20);

      assertEquals(5, idp.stream().filter(reply -> reply.status() == 200).count());
      List<Reply> limited = idp.stream().filter(reply -> reply.status() == 429).toList();
      assertEquals(15, limited.size());
      for (Reply reply : limited) {
        assertEquals("1", reply.header("Retry-After"));
        assertEquals("application/scim+json", reply.header("Content-Type"));
        assertEquals("429", reply.body().get("status").asText());
        assertFalse(reply.body().has("scimType"), reply.raw().body());
        String detail = reply.body().get("detail").asText();
        assertTrue(detail.contains("'test-idp' may send 5 requests per second"), detail);
        assertTrue(detail.contains("retry in 1 s"), detail);
      }
      assertTrue(admin.stream().allMatch(reply -> reply.status() == 200));
      String metrics = server.getRoot("/metrics", ADMIN).raw().body();
      assertTrue(
          metrics.contains("switchboard_rate_limited_requests_total 15.0"),
          "every 429 is counted in /metrics");
    }
  }

  @Test
  void theTokenWorksAgainAfterRetryAfterWithOneSecondsWorth() throws Exception {
    try (TestServer server = start(new RateLimits(5, 0), clock)) {
      burst(server, IDP, 6);
      Reply limited = get(server, IDP);
      assertEquals(429, limited.status());
      clock.advance(Duration.ofMillis(100));
      assertEquals(429, get(server, IDP).status(), "half a token is not a token");

      clock.advance(Duration.ofSeconds(Long.parseLong(limited.header("Retry-After"))));

      List<Reply> refilled = burst(server, IDP, 6);
      assertEquals(5, refilled.stream().filter(reply -> reply.status() == 200).count());
    }
  }

  @Test
  void eachTokenHasItsOwnBucket() throws Exception {
    try (TestServer server = start(new RateLimits(0, 3), clock)) {
      new TokenService(server.database(), Clock.systemUTC())
          .register("second-admin", Scope.ADMIN, "second-admin-token");
      burst(server, ADMIN, 4);
      assertEquals(429, get(server, ADMIN).status());

      assertEquals(200, get(server, "Bearer second-admin-token").status());
      assertTrue(burst(server, IDP, 20).stream().allMatch(reply -> reply.status() == 200));
    }
  }

  @Test
  void aRefusedPostCreatesNothing() throws Exception {
    try (TestServer server = start(new RateLimits(5, 0), clock)) {
      burst(server, IDP, 5);

      Reply refused =
          server.send(
              "POST", "/Users", USER.formatted("limited.user"), IDP, "application/scim+json");

      assertEquals(429, refused.status(), refused.raw().body());
      Reply found = server.get("/Users?filter=userName%20eq%20%22limited.user%22");
      assertEquals(0, found.body().get("totalResults").asInt(), found.raw().body());
    }
  }

  @Test
  void withoutALimitNoRequestIsEverRefused() throws Exception {
    try (TestServer server = TestServer.start()) {
      List<Reply> replies = burst(server, IDP, 200);
      assertTrue(replies.stream().allMatch(reply -> reply.status() == 200));
    }
  }

  private static TestServer start(RateLimits limits, Clock clock) {
    return TestServer.startWith(ServerConfig.loopback(0).withRateLimits(limits), clock);
  }

  /**
   * HTTP/1.1, as IdPs speak it: concurrent first requests from the JDK client's h2c upgrade
   * sometimes never get their answer (seen without any limit set, too).
   */
  private static Reply get(TestServer server, String authorization) {
    try {
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(server.base() + "/Users?count=1"))
                  .timeout(Duration.ofSeconds(20))
                  .header("Authorization", authorization)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response, JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code count} GETs from one token at once, on as many threads. */
  private static List<Reply> burst(TestServer server, String authorization, int count)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(Math.min(count, 20));
    try {
      List<Future<Reply>> sent =
          IntStream.range(0, count)
              .mapToObj(i -> threads.submit(() -> get(server, authorization)))
              .toList();
      return sent.stream().map(RateLimitTest::await).toList();
    } finally {
      threads.shutdownNow();
    }
  }

  private static Reply await(Future<Reply> reply) {
    try {
      return reply.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
