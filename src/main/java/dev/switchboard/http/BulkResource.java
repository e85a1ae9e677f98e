package dev.switchboard.http;

import com.unboundid.scim2.common.exceptions.ScimException;
import dev.switchboard.provisioning.BulkProcessor;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/** {@code POST /scim/v2/Bulk} (RFC 7644 §3.7). */
@Path(ScimBase.PATH + "/Bulk")
@Consumes({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Produces({ScimMediaType.SCIM_JSON + ";qs=1", MediaType.APPLICATION_JSON + ";qs=0.9"})
public final class BulkResource {
  private final BulkProcessor bulk;

  @Context private UriInfo uri;

  @Context private SecurityContext security;

  public BulkResource(BulkProcessor bulk) {
    this.bulk = bulk;
  }

  @POST
  public Response bulk(String body) throws ScimException {
    return ScimResponses.json(
        bulk.process(
            JsonBodies.object(body), ScimBase.of(uri), CallerSecurityContext.callerOf(security)));
  }
}
