package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.TestServer;
import org.junit.jupiter.api.Test;

class RawQueryEscaperTest {
  @Test
  void encodesOnlyWhatAUriCannotHold() {
    assertEquals(
        "filter=userName%20eq%20%22ann%22",
        RawQueryEscaper.escape("filter=userName%20eq%20\"ann\""));
    assertEquals(
        "attributes=emails%5Btype%20eq%20%22work%22%5D%7C%25zz",
        RawQueryEscaper.escape("attributes=emails[type%20eq%20\"work\"]|%zz"));
    String valid = "filter=userName+eq+%22ann%22&count=5";
    assertSame(valid, RawQueryEscaper.escape(valid));
  }

  @Test
  void entraRawQuotesAndBracketsGetAScimAnswerNotAnHtml500() {
    try (TestServer server = TestServer.start()) {
      server.createUser("raw-quote@example.com");
      String response =
          server.raw(
              "GET /scim/v2/Users?filter=userName%20eq%20\"raw-quote@example.com\""
                  + "&attributes=emails[type%20eq%20\"work\"],userName HTTP/1.1\r\n"
                  + "Host: 127.0.0.1\r\nAuthorization: Bearer "
                  + TestServer.ADMIN_TOKEN
                  + "\r\nConnection: close\r\n\r\n");
      assertEquals("HTTP/1.1 200 OK", response.lines().findFirst().orElse(""));
      assertTrue(response.contains("\"totalResults\":1"));
    }
  }

  @Test
  void aMalformedHostHeaderIsAScimJson400() {
    try (TestServer server = TestServer.start()) {
      String response =
          server.raw(
              "GET /scim/v2/Users HTTP/1.1\r\nHost: bad host{\r\nAuthorization: Bearer "
                  + TestServer.ADMIN_TOKEN
                  + "\r\nConnection: close\r\n\r\n");
      assertEquals("HTTP/1.1 400 Bad Request", response.lines().findFirst().orElse(""));
      assertTrue(response.contains("Content-Type: application/scim+json"), response);
      assertTrue(response.contains("\"status\":\"400\""), response);
    }
  }
}
