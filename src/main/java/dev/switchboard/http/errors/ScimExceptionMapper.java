package dev.switchboard.http.errors;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import dev.switchboard.http.ScimResponses;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** SDK exceptions (our domain errors) → their SCIM error response. */
public final class ScimExceptionMapper implements ExceptionMapper<ScimException> {
  @Override
  public Response toResponse(ScimException exception) {
    ErrorResponse error = exception.getScimError();
    int status = error.getStatus();
    Response response = ScimResponses.error(status, error.getScimType(), error.getDetail());
    if (status == 401) {
      return Response.fromResponse(response)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"switchboard\"")
          .build();
    }
    return response;
  }
}
