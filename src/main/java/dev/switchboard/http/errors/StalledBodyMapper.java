package dev.switchboard.http.errors;

import dev.switchboard.http.ScimResponses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * A request body that stops arriving: Grizzly's read gives up after the server's idle timeout with
 * an {@link IOException} caused by a {@link TimeoutException}, which is the client's doing, so 408
 * (RFC 9110 §15.5.9) and the connection closed, not a 500. Any other I/O failure is left to {@link
 * UnexpectedExceptionMapper}. Stateless and thread-safe.
 */
public final class StalledBodyMapper implements ExceptionMapper<IOException> {
  private final UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper();

  @Override
  public Response toResponse(IOException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutException) {
        return Response.fromResponse(
                ScimResponses.error(
                    408,
                    null,
                    "The request body stopped arriving before it was complete; send it whole"))
            .header("Connection", "close")
            .build();
      }
    }
    return unexpected.toResponse(exception);
  }
}
