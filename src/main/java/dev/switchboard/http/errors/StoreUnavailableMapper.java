package dev.switchboard.http.errors;

import dev.switchboard.http.ScimResponses;
import dev.switchboard.store.StoreException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store could not serve the request (PostgreSQL unreachable after every retry, the store
 * closing, a commit whose outcome was lost): 503, with the store's own words, which say whether
 * anything may have been applied. The client may send the request again.
 */
public final class StoreUnavailableMapper implements ExceptionMapper<StoreException> {
  private static final Logger log = LoggerFactory.getLogger(StoreUnavailableMapper.class);

  @Override
  public Response toResponse(StoreException exception) {
    log.error("the store failed a request", exception);
    return Response.fromResponse(
            ScimResponses.error(
                503, null, "The store is unavailable: " + exception.getMessage() + ". Retry later"))
        .header("Retry-After", "1")
        .build();
  }
}
