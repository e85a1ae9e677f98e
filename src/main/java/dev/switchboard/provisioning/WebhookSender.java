package dev.switchboard.provisioning;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * POSTs one event to one endpoint, signed ({@link WebhookSignature}), and says why it failed: a
 * non-2xx answer, a timeout or a connection error. Redirects are not followed (the signed body
 * would go somewhere the admin did not name). Thread-safe.
 */
final class WebhookSender {
  static final String EVENT_ID_HEADER = "Switchboard-Event-Id";
  static final String EVENT_TYPE_HEADER = "Switchboard-Event-Type";

  private final HttpClient client;
  private final Clock clock;
  private final Duration timeout;

  WebhookSender(Clock clock, Duration timeout) {
    this.clock = clock;
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Sends {@code body}; empty when the endpoint took it (2xx), else what went wrong. */
  Optional<String> send(String url, String secret, long eventId, String type, String body)
      throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "Switchboard-Webhooks/1")
            .header(EVENT_ID_HEADER, Long.toString(eventId))
            .header(EVENT_TYPE_HEADER, type)
            .header(
                WebhookSignature.HEADER,
                WebhookSignature.header(secret, clock.instant().getEpochSecond(), body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2
          ? Optional.empty()
          : Optional.of("event " + eventId + ": the endpoint answered HTTP " + status);
    } catch (HttpTimeoutException e) {
      return Optional.of("event " + eventId + ": no answer within " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      return Optional.of(
          "event " + eventId + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }
}
