package dev.switchboard.http.errors;

import dev.switchboard.http.ScimResponses;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Jersey's own refusals (no route, wrong method, wrong media type) as SCIM errors. */
public final class WebApplicationExceptionMapper
    implements ExceptionMapper<WebApplicationException> {
  @Context private UriInfo uri;
  @Context private Request request;

  @Override
  public Response toResponse(WebApplicationException exception) {
    int status = exception.getResponse().getStatus();
    String path = "/" + uri.getPath();
    if (exception instanceof NotFoundException) {
      return ScimResponses.error(
          404,
          null,
          "There is no endpoint at "
              + path
              + "; SCIM endpoints live under /scim/v2 (Users, Groups, ServiceProviderConfig,"
              + " ResourceTypes, Schemas)");
    }
    if (exception instanceof NotAllowedException) {
      Response response =
          ScimResponses.error(
              405,
              null,
              request.getMethod()
                  + " is not allowed on "
                  + path
                  + "; allowed: "
                  + String.join(", ", exception.getResponse().getAllowedMethods()));
      return Response.fromResponse(response)
          .allow(exception.getResponse().getAllowedMethods())
          .build();
    }
    if (exception instanceof NotSupportedException) {
      return ScimResponses.error(
          415, null, "Send the body as application/scim+json (or application/json)");
    }
    if (exception instanceof NotAcceptableException) {
      return ScimResponses.error(
          406, null, "Responses are application/scim+json or application/json; accept one of them");
    }
    String detail =
        exception.getMessage() == null
            ? Response.Status.fromStatusCode(status) + ""
            : exception.getMessage();
    Response response = ScimResponses.error(status, null, detail);
    String challenge = exception.getResponse().getHeaderString(HttpHeaders.WWW_AUTHENTICATE);
    return challenge == null
        ? response
        : Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
  }
}
