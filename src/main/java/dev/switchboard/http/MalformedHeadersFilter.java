package dev.switchboard.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.Charset;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Deals with headers Jersey cannot read before Jersey trips over them. A Content-Type that is no
 * media type ({@code a/b/c}) made Jersey answer a bare 400, and a charset the JVM does not know
 * ({@code application/json; charset=bogus}) a 500: both are 415 here (RFC 9110 §15.5.16). An Accept
 * header that does not parse made a bare 400 too; it is disregarded instead, as RFC 9110 §12.5.1
 * allows. Stateless and thread-safe.
 */
@PreMatching
@Priority(250)
public final class MalformedHeadersFilter implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    try {
      request.getAcceptableMediaTypes();
    } catch (RuntimeException e) {
      request.getHeaders().remove(HttpHeaders.ACCEPT);
    }
    if (request instanceof ContainerRequest jersey) {
      try {
        jersey.getIfNoneMatch();
      } catch (RuntimeException e) {
        request.getHeaders().remove(HttpHeaders.IF_NONE_MATCH);
      }
    }
    String header = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
    if (header != null && !readable(request)) {
      if (request.hasEntity()) {
        throw new NotSupportedException("Content-Type '" + header + "' cannot be read");
      }
      request.getHeaders().remove(HttpHeaders.CONTENT_TYPE); // it describes no body
    }
  }

  /** Jersey's own parser (stricter than MediaType.valueOf) reads it, with a known charset. */
  private static boolean readable(ContainerRequestContext request) {
    MediaType type;
    try {
      type = request.getMediaType();
    } catch (RuntimeException e) {
      return false;
    }
    String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
    return charset == null || supported(charset);
  }

  private static boolean supported(String charset) {
    try {
      return Charset.isSupported(charset);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
