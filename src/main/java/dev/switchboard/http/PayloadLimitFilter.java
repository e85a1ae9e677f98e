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
 * says so, otherwise as soon as a chunked body passes the limit. CSV imports, which stream to disk
 * rather than memory, may be up to {@link #IMPORT_LIMIT} bytes.
 */
@PreMatching
@Priority(200)
public final class PayloadLimitFilter implements ContainerRequestFilter {
  static final long IMPORT_LIMIT = 1L << 30;
  private static final String IMPORTS = AdminApi.PATH + "/imports";

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath(false);
    long limit = path.startsWith(IMPORTS) ? IMPORT_LIMIT : Discovery.MAX_PAYLOAD_BYTES;
    if (request.getLength() > limit) {
      throw tooLarge(limit);
    }
    request.setEntityStream(new Limited(request.getEntityStream(), limit));
  }

  static WebApplicationException tooLarge(long limit) {
    return new WebApplicationException(
        "The request body is over the limit of "
            + limit
            + (limit == Discovery.MAX_PAYLOAD_BYTES
                ? " bytes (maxPayloadSize in /ServiceProviderConfig)"
                : " bytes for a CSV import"),
        413);
  }

  private static final class Limited extends FilterInputStream {
    private final long limit;
    private long read;

    Limited(InputStream in, long limit) {
      super(in);
      this.limit = limit;
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
      if (read > limit) {
        throw tooLarge(limit);
      }
    }
  }
}
