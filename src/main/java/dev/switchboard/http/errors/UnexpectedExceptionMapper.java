package dev.switchboard.http.errors;

import dev.switchboard.http.ScimResponses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort: logs the failure under an error id and answers a fixed SCIM 500 that leaks
 * nothing of the exception. Any use of it on client input is a bug to fix.
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger log = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Throwable exception) {
    String errorId = UUID.randomUUID().toString();
    log.error("unexpected failure, error id {}", errorId, exception);
    return ScimResponses.error(
        500,
        null,
        "Internal error " + errorId + "; nothing was changed. Report this id to the operator.");
  }
}
