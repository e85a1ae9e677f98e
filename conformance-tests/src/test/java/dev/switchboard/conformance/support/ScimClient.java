package dev.switchboard.conformance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Speaks HTTP to the server under test with one {@code Authorization} header value. Paths are
 * relative to the SCIM base URL and may carry an already-encoded query ({@link Query}). Immutable
 * and thread-safe; all clients share one {@link HttpClient}.
 */
public final class ScimClient {

  public static final String SCIM_JSON = "application/scim+json";

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);

  private final String authorization;

  private ScimClient(String authorization) {
    this.authorization = authorization;
  }

  /** A client with the admin token as {@code Bearer}. */
  public static ScimClient admin() {
    return new ScimClient("Bearer " + ServerUnderTest.get().adminToken());
  }

  /**
   * A client with the idp token as {@code Bearer}; null token when the server under test has none.
   */
  public static ScimClient idp() {
    String token = ServerUnderTest.get().idpToken();
    return new ScimClient(token == null ? null : "Bearer " + token);
  }

  /** A client that sends no {@code Authorization} header. */
  public static ScimClient anonymous() {
    return new ScimClient(null);
  }

  /**
   * A client that sends exactly this {@code Authorization} header value (e.g. a raw token, as Okta
   * does).
   */
  public static ScimClient withAuthorization(String headerValue) {
    return new ScimClient(headerValue);
  }

  public ScimResponse get(String path) {
    return request("GET", path).send();
  }

  public ScimResponse post(String path, String json) {
    return request("POST", path).json(json).send();
  }

  public ScimResponse put(String path, String json) {
    return request("PUT", path).json(json).send();
  }

  public ScimResponse patch(String path, String json) {
    return request("PATCH", path).json(json).send();
  }

  public ScimResponse delete(String path) {
    return request("DELETE", path).send();
  }

  /** A request to {@code path} under the SCIM base URL. */
  public Request request(String method, String path) {
    return new Request(method, URI.create(ServerUnderTest.get().baseUrl() + path));
  }

  /**
   * A request to {@code path} under the server root (outside {@code /scim/v2}), e.g. {@code
   * /healthz}.
   */
  public Request requestAtRoot(String method, String path) {
    return new Request(method, URI.create(ServerUnderTest.get().root() + path));
  }

  /** One request being built: headers and an optional body. Not thread-safe; send it once. */
  public final class Request {
    private final String method;
    private final URI uri;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;

    private Request(String method, URI uri) {
      this.method = method;
      this.uri = uri;
      headers.put("Accept", SCIM_JSON);
      if (authorization != null) {
        headers.put("Authorization", authorization);
      }
    }

    public Request header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** A JSON body sent as {@code application/scim+json}. */
    public Request json(String json) {
      return body(SCIM_JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    public Request body(String contentType, byte[] bytes) {
      headers.put("Content-Type", contentType);
      this.body = bytes;
      return this;
    }

    public ScimResponse send() {
      try {
        return toScimResponse(
            HTTP.send(build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(method + " " + uri + " failed: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted during " + method + " " + uri, e);
      }
    }

    /** Sends without waiting, for tests that fire many requests at once. */
    public CompletableFuture<ScimResponse> sendAsync() {
      return HTTP.sendAsync(build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
          .thenApply(this::toScimResponse);
    }

    private HttpRequest build() {
      HttpRequest.BodyPublisher publisher =
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body);
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).method(method, publisher);
      headers.forEach(builder::header);
      return builder.build();
    }

    private ScimResponse toScimResponse(HttpResponse<String> response) {
      return new ScimResponse(
          method + " " + uri, response.statusCode(), response.headers(), response.body());
    }
  }
}
