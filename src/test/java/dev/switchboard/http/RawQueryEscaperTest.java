package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.switchboard.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
  void entraRawQuotesAndBracketsGetAScimAnswerNotAnHtml500() throws Exception {
    try (TestServer server = TestServer.start()) {
      server.createUser("raw-quote@example.com");
      String response =
          rawGet(
              server,
              "/scim/v2/Users?filter=userName%20eq%20\"raw-quote@example.com\""
                  + "&attributes=emails[type%20eq%20\"work\"],userName");
      assertEquals("HTTP/1.1 200 OK", response.lines().findFirst().orElse(""));
      assertEquals(true, response.contains("\"totalResults\":1"));
    }
  }

  private static String rawGet(TestServer server, String pathAndQuery) throws Exception {
    try (Socket socket = new Socket(server.base().getHost(), server.base().getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + pathAndQuery
                  + " HTTP/1.1\r\nHost: "
                  + server.base().getHost()
                  + ":"
                  + server.base().getPort()
                  + "\r\nAuthorization: Bearer "
                  + TestServer.ADMIN_TOKEN
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      return response.toString(StandardCharsets.UTF_8);
    }
  }
}
