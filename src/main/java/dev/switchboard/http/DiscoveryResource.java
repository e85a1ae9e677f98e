package dev.switchboard.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ForbiddenException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import dev.switchboard.provisioning.ListResult;
import dev.switchboard.scim.Discovery;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/** RFC 7644 §4 discovery endpoints; read-only, so other methods answer 405. */
@Path(ScimBase.PATH)
@Produces({ScimMediaType.SCIM_JSON + ";qs=1", MediaType.APPLICATION_JSON + ";qs=0.9"})
public final class DiscoveryResource {
  private final Discovery discovery;

  @Context private UriInfo uri;

  public DiscoveryResource(Discovery discovery) {
    this.discovery = discovery;
  }

  @GET
  @Path("ServiceProviderConfig")
  public Response serviceProviderConfig() {
    return ScimResponses.json(discovery.serviceProviderConfig(ScimBase.of(uri)));
  }

  @GET
  @Path("ResourceTypes")
  public Response resourceTypes(@QueryParam("filter") String filter) throws ScimException {
    return list(filter, discovery.resourceTypes(ScimBase.of(uri)));
  }

  @GET
  @Path("ResourceTypes/{name}")
  public Response resourceType(@PathParam("name") String name) throws ScimException {
    return ScimResponses.json(
        discovery
            .resourceType(name, ScimBase.of(uri))
            .orElseThrow(() -> new ResourceNotFoundException("No resource type " + name)));
  }

  @GET
  @Path("Schemas")
  public Response schemas(@QueryParam("filter") String filter) throws ScimException {
    return list(filter, discovery.schemas(ScimBase.of(uri)));
  }

  @GET
  @Path("Schemas/{id}")
  public Response schema(@PathParam("id") String id) throws ScimException {
    return ScimResponses.json(
        discovery
            .schema(id, ScimBase.of(uri))
            .orElseThrow(() -> new ResourceNotFoundException("No schema " + id)));
  }

  private static Response list(String filter, ArrayNode resources) throws ScimException {
    if (filter != null) {
      // RFC 7644 §4: a filter here SHOULD be refused, so no client assumes it was applied.
      throw new ForbiddenException("Discovery endpoints cannot be filtered; drop 'filter'");
    }
    List<ObjectNode> all = new ArrayList<>();
    resources.forEach(r -> all.add((ObjectNode) r));
    return ScimResponses.list(new ListResult(all.size(), 1, all));
  }
}
