package dev.switchboard.http;

import dev.switchboard.scim.NulCharacters;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;

/**
 * Refuses a request whose path or query, once decoded, holds the NUL character ({@code %00}): an id
 * or parameter with one names nothing, and PostgreSQL cannot even compare it ({@link
 * NulCharacters}).
 */
@Priority(Priorities.USER)
public final class NulInUriFilter implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    boolean inPath = NulCharacters.in(request.getUriInfo().getPath(true));
    boolean inQuery =
        request.getUriInfo().getQueryParameters(true).values().stream()
            .flatMap(List::stream)
            .anyMatch(NulCharacters::in);
    if (inPath || inQuery) {
      request.abortWith(
          ScimResponses.error(
              400,
              "invalidValue",
              "The request "
                  + (inPath ? "path" : "query")
                  + " holds the NUL character (%00), which no SCIM id or parameter may hold"));
    }
  }
}
