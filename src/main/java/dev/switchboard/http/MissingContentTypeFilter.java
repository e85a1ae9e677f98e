package dev.switchboard.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Some scripted clients send a JSON body without any Content-Type; read it as SCIM JSON rather than
 * refusing it. A wrong Content-Type (text/plain, XML) is still refused with 415.
 */
@PreMatching
@Priority(300)
public final class MissingContentTypeFilter implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null && request.hasEntity()) {
      request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, ScimMediaType.SCIM_JSON);
    }
  }
}
