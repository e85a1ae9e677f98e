package dev.switchboard.http;

import com.unboundid.scim2.common.exceptions.ScimException;
import dev.switchboard.provisioning.RootSearch;
import dev.switchboard.scim.ListQuery;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code POST /scim/v2/.search}: a search over all resource types (RFC 7644 §3.4.3). */
@Path(ScimBase.PATH + "/.search")
@Consumes({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Produces({ScimMediaType.SCIM_JSON + ";qs=1", MediaType.APPLICATION_JSON + ";qs=0.9"})
public final class RootSearchResource {
  private final RootSearch search;

  @Context private UriInfo uri;

  public RootSearchResource(RootSearch search) {
    this.search = search;
  }

  @POST
  public Response search(String body) throws ScimException {
    return ScimResponses.list(
        search.search(
            ListQuery.Params.fromSearchRequest(JsonBodies.object(body)), ScimBase.of(uri)));
  }
}
