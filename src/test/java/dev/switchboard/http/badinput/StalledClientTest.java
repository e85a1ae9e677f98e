package dev.switchboard.http.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.TestStores;
import dev.switchboard.http.ServerConfig;
import dev.switchboard.http.SwitchboardServer;
import dev.switchboard.provisioning.Scope;
import dev.switchboard.provisioning.TokenService;
import dev.switchboard.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow or stalled clients do not hold a connection (or a worker) for ever: with a 1 s idle timeout,
 * a connection that sends nothing, one that stops inside its headers and one that stops inside its
 * body are all closed, the last with a 408. Bounds are generous: this proves the connection ends,
 * not how fast.
 */
class StalledClientTest {
  private static final Duration IDLE = Duration.ofSeconds(1);
  private static final int PATIENCE_MILLIS = 30_000;
  private static Database database;
  private static SwitchboardServer server;

  @BeforeAll
  static void start() throws IOException {
    database = Database.open(TestStores.fresh());
    new TokenService(database, Clock.systemUTC()).register("stall", Scope.ADMIN, "stall-token");
    server = SwitchboardServer.start(ServerConfig.loopback(0).withIdleTimeout(IDLE), database);
  }

  @AfterAll
  static void stop() {
    server.close();
    database.close();
  }

  @Test
  void aConnectionThatSendsNothingIsClosed() throws IOException {
    assertEquals("", sendAndWait(""));
  }

  @Test
  void aConnectionThatStopsInsideItsHeadersIsClosed() throws IOException {
    assertEquals("", sendAndWait("GET /scim/v2/Users HTTP/1.1\r\nHost: localhost\r\n"));
  }

  @Test
  void aBodyThatStopsArrivingIsAnswered408AndClosed() throws IOException {
    String answer =
        sendAndWait(
            "POST /scim/v2/Users HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer stall-token"
                + "\r\nContent-Type: application/scim+json\r\nContent-Length: 100\r\n\r\n"
                + "{\"userName\":");
    assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
    assertTrue(answer.contains("\"status\":\"408\""), answer);
  }

  /** Sends {@code head}, then stalls; returns all the server sent before it closed. */
  private static String sendAndWait(String head) throws IOException {
    try (Socket socket = new Socket(server.scimBase().getHost(), server.scimBase().getPort())) {
      socket.setSoTimeout(PATIENCE_MILLIS);
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      try {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (SocketTimeoutException e) {
        throw new AssertionError("the server kept a stalled connection open for 30 s", e);
      }
    }
  }
}
