package dev.switchboard.conformance.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends a GET whose request target goes on the wire byte for byte, for query strings that {@link
 * java.net.URI} refuses: Entra's validator sends raw {@code "}, {@code [} and {@code ]}. HTTP/1.1
 * with {@code Connection: close}; understands Content-Length and chunked bodies. Stateless.
 */
public final class RawHttp {

  private static final int TIMEOUT_MILLIS = 30_000;

  private RawHttp() {}

  /**
   * GETs {@code pathAndQuery} (relative to the SCIM base URL, sent unencoded as given) with the
   * admin token.
   */
  public static ScimResponse get(String pathAndQuery) {
    ServerUnderTest server = ServerUnderTest.get();
    URI base = server.baseUrl();
    String target = base.getRawPath() + pathAndQuery;
    String request =
        "GET "
            + target
            + " HTTP/1.1\r\n"
            + "Host: "
            + base.getHost()
            + ":"
            + port(base)
            + "\r\n"
            + "Authorization: Bearer "
            + server.adminToken()
            + "\r\n"
            + "Accept: "
            + ScimClient.SCIM_JSON
            + "\r\n"
            + "Connection: close\r\n\r\n";
    try (Socket socket = open(base)) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      return parse("GET " + target, socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + target + " failed: " + e, e);
    }
  }

  private static Socket open(URI base) throws IOException {
    return "https".equalsIgnoreCase(base.getScheme())
        ? SSLSocketFactory.getDefault().createSocket(base.getHost(), port(base))
        : new Socket(base.getHost(), port(base));
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static ScimResponse parse(String request, byte[] raw) throws IOException {
    int headerEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    if (headerEnd < 0) {
      throw new IOException("no complete HTTP header in " + raw.length + " bytes");
    }
    String[] lines = new String(raw, 0, headerEnd, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    byte[] body = Arrays.copyOfRange(raw, headerEnd + 4, raw.length);
    String encoding =
        headers.getOrDefault("Transfer-Encoding", List.of("")).get(0).toLowerCase(Locale.ROOT);
    if (encoding.contains("chunked")) {
      body = dechunk(body);
    } else if (headers.containsKey("Content-Length")) {
      int length = Integer.parseInt(headers.get("Content-Length").get(0));
      body = Arrays.copyOf(body, Math.min(length, body.length));
    }
    return new ScimResponse(
        request,
        status,
        HttpHeaders.of(headers, (name, value) -> true),
        new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] chunked) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    InputStream in = new ByteArrayInputStream(chunked);
    while (true) {
      String sizeLine = readLine(in);
      int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
      if (size == 0) {
        return body.toByteArray();
      }
      body.write(in.readNBytes(size));
      readLine(in);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
