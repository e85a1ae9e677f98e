package dev.switchboard.http.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Judges the answers to one property's tries and counts them: no answer is a 5xx, every error is an
 * RFC 7644 §3.12 SCIM error, a refused request is a 4xx, and the store is as it was. Prints one
 * line per property ({@code bad-input Class.property: 2000 tries, 0 5xx, statuses {…}}) for the
 * figures in the README. Used from one test thread.
 */
final class Referee {
  private final String property;
  private final SeededServer server;
  private final Map<String, List<String>> store;
  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private int tries;
  private int serverErrors;

  Referee(String property, SeededServer server) {
    this.property = property;
    this.server = server;
    this.store = server.snapshot();
  }

  /** Sends {@code probe}; it must be refused (4xx, a SCIM error) and change nothing. */
  Wire.Answer refused(Probe probe) {
    Wire.Answer answer = answered(probe);
    assertTrue(
        answer.status() >= 400,
        () -> "bad input was accepted (" + answer.status() + "): " + probe + " → " + answer.text());
    return answer;
  }

  /**
   * Sends {@code probe}, which may be a legitimate read: any status below 500, errors as SCIM
   * errors, and the store unchanged.
   */
  Wire.Answer answered(Probe probe) {
    Wire.Answer answer = server.wire().send(probe);
    tries++;
    statuses.merge(answer.status(), 1, Integer::sum);
    if (answer.status() >= 500) {
      serverErrors++;
      keep(probe);
      fail("5xx for " + probe + " → " + answer.status() + " " + answer.text());
    }
    if (answer.status() >= 400) {
      assertScimError(answer.status(), answer.contentType(), answer.body(), probe, answer.text());
    }
    assertStoreUnchanged(probe);
    return answer;
  }

  /** A bulk operation's own error answer (inside a 200 BulkResponse) must be a SCIM error too. */
  static void assertScimErrorBody(int status, JsonNode body, Object request) {
    assertScimError(status, Probe.SCIM_JSON, body, request, String.valueOf(body));
  }

  void assertStoreUnchanged(Object request) {
    Map<String, List<String>> now = server.snapshot();
    if (!now.equals(store)) {
      keep(request);
      StringBuilder changed = new StringBuilder();
      store.forEach(
          (table, rows) -> {
            if (!rows.equals(now.get(table))) {
              changed.append("\n  ").append(table).append(": ").append(now.get(table));
            }
          });
      fail("the store changed after " + request + " (all of it: target/bad-input/)" + changed);
    }
  }

  /** Prints {@code referee}'s one-line summary, if its property ran at all. */
  static void report(Referee referee) {
    if (referee != null) {
      System.out.println(referee.summary());
    }
  }

  /** Failure messages cut long requests; the whole one goes to target/bad-input/. */
  private void keep(Object request) {
    try {
      Path file = Path.of("target", "bad-input", property + ".txt");
      Files.createDirectories(file.getParent());
      String text =
          request instanceof Probe probe
              ? probe.method() + " " + probe.target() + "\n" + probe.headers() + "\n" + probe.body()
              : String.valueOf(request);
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String summary() {
    return "bad-input "
        + property
        + ": "
        + tries
        + " tries, "
        + serverErrors
        + " 5xx, statuses "
        + statuses;
  }

  private static void assertScimError(
      int status, String contentType, JsonNode body, Object request, String text) {
    String where = " for " + request + " → " + status + " " + text;
    assertNotNull(contentType, "no Content-Type" + where);
    assertTrue(contentType.startsWith(Probe.SCIM_JSON), "not SCIM JSON" + where);
    assertNotNull(body, "no JSON body" + where);
    assertTrue(body.path("schemas").toString().contains(Urns.ERROR), "no Error URN" + where);
    assertTrue(body.path("status").isTextual(), "status is not a string" + where);
    assertEquals(String.valueOf(status), body.path("status").asText(), "status differs" + where);
    assertTrue(!body.path("detail").asText("").isBlank(), "no detail" + where);
  }
}
