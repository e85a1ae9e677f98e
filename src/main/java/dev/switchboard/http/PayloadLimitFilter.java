package dev.switchboard.http;

import dev.switchboard.scim.Discovery;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses bodies over {@link Discovery#MAX_PAYLOAD_BYTES} with 413: at once when Content-Length
 * says so, otherwise as soon as a chunked body passes the limit.
 */
@PreMatching
@Priority(200)
public final class PayloadLimitFilter implements ContainerRequestFilter {
  private static final long LIMIT = Discovery.MAX_PAYLOAD_BYTES;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > LIMIT) {
      throw tooLarge();
    }
    request.setEntityStream(new Limited(request.getEntityStream()));
  }

  static WebApplicationException tooLarge() {
    return new WebApplicationException(
        "The request body is over the limit of "
            + LIMIT
            + " bytes (maxPayloadSize in /ServiceProviderConfig)",
        413);
  }

  private static final class Limited extends FilterInputStream {
    private long read;

    Limited(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > LIMIT) {
        throw tooLarge();
      }
    }
  }
}
