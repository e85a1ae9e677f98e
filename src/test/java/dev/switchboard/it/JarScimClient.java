package dev.switchboard.it;

import dev.switchboard.ScimClient;
import dev.switchboard.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A running jar as a {@link ScimClient}: the same requests the in-process tests send, as admin with
 * {@code token}, over the jar's HTTP port. Thread-safe, as {@link JarProcess#send} is.
 */
final class JarScimClient implements ScimClient {
  private final JarProcess jar;
  private final String token;

  JarScimClient(JarProcess jar, String token) {
    this.jar = jar;
    this.token = token;
  }

  @Override
  public TestServer.Reply send(
      String method, String path, String body, Map<String, String> headers) {
    try {
      return TestServer.Reply.of(
          jar.send(method, jar.scimBase().getPath() + path, token, body, headers));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " to " + jar.scimBase(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
