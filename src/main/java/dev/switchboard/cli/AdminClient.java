package dev.switchboard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** The few admin API calls the CLI makes, over HTTP/1.1 with a bearer token. */
final class AdminClient {
  private static final ObjectMapper json = new ObjectMapper();
  private final URI root;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  AdminClient(String url, String token) {
    String base = url.strip().replaceAll("/+$", "").replaceFirst("(?i)/scim/v2$", "");
    this.root = URI.create(base + "/");
    this.token = token;
  }

  /** Uploads a CSV file; returns the import's location. */
  URI startImport(Path file, String mode) throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(
            request("admin/imports?mode=" + mode)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build());
    return root.resolve(response.headers().firstValue("Location").orElseThrow());
  }

  JsonNode get(URI location) throws IOException, InterruptedException {
    return json.readTree(
        send(HttpRequest.newBuilder(location).header("Authorization", bearer()).GET().build())
            .body());
  }

  /** The export's body, streamed. */
  InputStream export() throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        http.send(
            request("admin/exports/users.csv").GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      try (InputStream body = response.body()) {
        throw failure(response.statusCode(), new String(body.readAllBytes()));
      }
    }
    return response.body();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(root.resolve(path)).header("Authorization", bearer());
  }

  private String bearer() {
    return "Bearer " + token;
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw failure(response.statusCode(), response.body());
    }
    return response;
  }

  /** The server's SCIM error detail, or the status alone. */
  private static IOException failure(int status, String body) {
    String detail;
    try {
      detail = json.readTree(body).path("detail").asText("");
    } catch (IOException e) {
      detail = "";
    }
    return new IOException(
        "the server answered " + status + (detail.isEmpty() ? "" : ": " + detail));
  }
}
