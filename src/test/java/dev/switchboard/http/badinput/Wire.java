package dev.switchboard.http.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Sends {@link Probe}s to one server over HTTP/1.1 and reads the answer. Thread-safe (the JDK
 * client is).
 */
final class Wire {
  private static final ObjectMapper json = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private final URI scimBase;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  Wire(URI scimBase) {
    this.scimBase = scimBase;
  }

  /** An answer: status, the Content-Type header, the body as text and as JSON (null if not). */
  record Answer(int status, String contentType, String text, JsonNode body) {}

  Answer send(Probe probe) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(scimBase + probe.target()))
            .timeout(PATIENCE)
            .method(
                probe.method(),
                probe.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(probe.body()));
    for (Map.Entry<String, String> header : probe.sentHeaders()) {
      request.header(header.getKey(), header.getValue());
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.body(),
          parse(response.body()));
    } catch (IOException e) {
      throw new IllegalStateException("no answer to " + probe, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return json.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }
}
