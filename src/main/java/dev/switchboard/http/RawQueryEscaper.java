package dev.switchboard.http;

import java.nio.charset.StandardCharsets;

/**
 * Entra's validator sends filters with raw {@code "}, {@code [}, {@code ]} and spaces in the query
 * string:
 *
 * <pre>
 * GET /scim/v2/Users?filter=userName eq "ann@example.com"
 * GET /scim/v2/Users?attributes=emails[type eq "work"]
 * </pre>
 *
 * Jersey builds a {@link java.net.URI} from it, which throws, and Grizzly answers an HTML 500.
 * Every byte RFC 3986 does not allow in a query (and a {@code %} that starts no escape) is
 * percent-encoded here first; a valid query is returned unchanged.
 */
final class RawQueryEscaper {
  private static final String ALLOWED =
      "-._~!$&'()*+,;=:@/?" + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private RawQueryEscaper() {}

  static String escape(String query) {
    StringBuilder out = null;
    byte[] bytes = query.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      boolean keep = b < 0x80 && (ALLOWED.indexOf(b) >= 0 || isEscape(bytes, i));
      if (keep) {
        if (out != null) {
          out.append((char) b);
        }
      } else {
        if (out == null) {
          out = new StringBuilder(bytes.length + 16);
          out.append(new String(bytes, 0, i, StandardCharsets.UTF_8));
        }
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return out == null ? query : out.toString();
  }

  private static boolean isEscape(byte[] bytes, int i) {
    return bytes[i] == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
  }

  private static boolean isHex(byte b) {
    return Character.digit(b, 16) >= 0;
  }
}
