package dev.switchboard.http.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A webhook endpoint on a free loopback port (the JDK's HTTP server): records every POST it gets
 * and answers the statuses queued with {@link #answer}, then 200. Thread-safe.
 */
final class Receiver implements AutoCloseable {
  private static final ObjectMapper json = new ObjectMapper();

  /** One request as received: the signature header, the event id header and the raw body. */
  record Delivery(String signature, String eventId, String body) {
    JsonNode event() {
      try {
        return json.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final HttpServer server;
  private final List<Delivery> received = new ArrayList<>();
  private final Deque<Integer> answers = new ArrayDeque<>();
  private int fallback = 200;

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status;
          synchronized (this) {
            received.add(
                new Delivery(
                    exchange.getRequestHeaders().getFirst("Switchboard-Signature"),
                    exchange.getRequestHeaders().getFirst("Switchboard-Event-Id"),
                    body));
            status = answers.isEmpty() ? fallback : answers.poll();
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** Answers these statuses to the next requests, in order. */
  synchronized void answer(Integer... statuses) {
    answers.addAll(List.of(statuses));
  }

  /** Answers {@code status} once the queued answers are used up. */
  synchronized void otherwiseAnswer(int status) {
    fallback = status;
  }

  synchronized List<Delivery> received() {
    return List.copyOf(received);
  }

  /** The event of every request received, in arrival order (retries included). */
  List<JsonNode> events() {
    return received().stream().map(Delivery::event).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
