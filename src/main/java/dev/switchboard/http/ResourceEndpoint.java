package dev.switchboard.http;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import dev.switchboard.provisioning.Caller;
import dev.switchboard.provisioning.ResourceService;
import dev.switchboard.provisioning.ResourceView;
import dev.switchboard.provisioning.WritePreviews;
import dev.switchboard.scim.ListQuery;
import dev.switchboard.scim.Projection;
import dev.switchboard.scim.ResourceLocation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * RFC 7644 §3 for one resource type: list, {@code /.search}, create, read, replace, patch, delete.
 * Thin: parse, one service call, render. Subclasses only name the endpoint.
 */
@Consumes({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Produces({ScimMediaType.SCIM_JSON + ";qs=1", MediaType.APPLICATION_JSON + ";qs=0.9"})
public abstract class ResourceEndpoint {
  private final ResourceService service;

  @Context private UriInfo uri;

  @Context private SecurityContext security;

  protected ResourceEndpoint(ResourceService service) {
    this.service = service;
  }

  @GET
  public Response list(
      @QueryParam("filter") String filter,
      @QueryParam("sortBy") String sortBy,
      @QueryParam("sortOrder") String sortOrder,
      @QueryParam("startIndex") String startIndex,
      @QueryParam("count") String count,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excluded)
      throws ScimException {
    ListQuery query =
        ListQuery.parse(
            service.kind(),
            new ListQuery.Params(
                filter, sortBy, sortOrder, startIndex, count, attributes, excluded));
    return ScimResponses.list(service.list(query, location()));
  }

  @POST
  @Path(".search")
  public Response search(String body) throws ScimException {
    ListQuery query =
        ListQuery.parse(
            service.kind(), ListQuery.Params.fromSearchRequest(JsonBodies.object(body)));
    return ScimResponses.list(service.list(query, location()));
  }

  @POST
  public Response create(
      String body,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excluded,
      @QueryParam(DryRun.PARAMETER) String dryRun)
      throws ScimException {
    if (DryRun.requested(dryRun)) {
      return DryRun.answer(previews().previewCreate(JsonBodies.object(body), caller()));
    }
    return ScimResponses.created(
        service.create(
            JsonBodies.object(body),
            Projection.parse(service.kind(), attributes, excluded),
            location(),
            caller()));
  }

  @GET
  @Path("{id}")
  public Response get(
      @PathParam("id") String id,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excluded,
      @Context Request request)
      throws ScimException {
    ResourceView view =
        service.get(id, Projection.parse(service.kind(), attributes, excluded), location());
    EntityTag etag = ScimResponses.etag(view.version());
    Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
    return notModified != null ? notModified.build() : ScimResponses.ok(view);
  }

  @PUT
  @Path("{id}")
  public Response replace(
      @PathParam("id") String id,
      String body,
      @HeaderParam("If-Match") String ifMatch,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excluded,
      @QueryParam(DryRun.PARAMETER) String dryRun)
      throws ScimException {
    if (DryRun.requested(dryRun)) {
      return DryRun.answer(
          previews().previewReplace(id, JsonBodies.object(body), ifMatch, caller()));
    }
    return ScimResponses.ok(
        service.replace(
            id,
            JsonBodies.object(body),
            ifMatch,
            Projection.parse(service.kind(), attributes, excluded),
            location(),
            caller()));
  }

  /**
   * RFC 7644 §3.5.2 lets PATCH answer 204 or 200; Entra's and Microsoft's tests expect 204, so the
   * resource comes back only when the client asks for attributes.
   */
  @PATCH
  @Path("{id}")
  public Response patch(
      @PathParam("id") String id,
      String body,
      @HeaderParam("If-Match") String ifMatch,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excluded,
      @QueryParam(DryRun.PARAMETER) String dryRun)
      throws ScimException {
    if (DryRun.requested(dryRun)) {
      return DryRun.answer(previews().previewPatch(id, JsonBodies.object(body), ifMatch, caller()));
    }
    boolean wantsBody = attributes != null || excluded != null;
    Projection projection =
        wantsBody ? Projection.parse(service.kind(), attributes, excluded) : Projection.MINIMAL;
    ResourceView view =
        service.patch(id, JsonBodies.object(body), ifMatch, projection, location(), caller());
    return wantsBody ? ScimResponses.ok(view) : ScimResponses.noContent(view);
  }

  @DELETE
  @Path("{id}")
  public Response delete(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      @QueryParam(DryRun.PARAMETER) String dryRun)
      throws ScimException {
    if (DryRun.requested(dryRun)) {
      return DryRun.answer(previews().previewDelete(id, ifMatch, caller()));
    }
    service.delete(id, ifMatch, caller());
    return Response.noContent().build();
  }

  private WritePreviews previews() throws BadRequestException {
    return service
        .previews()
        .orElseThrow(
            () ->
                BadRequestException.invalidValue(
                    DryRun.PARAMETER + " is offered on /LicenseTemplates only"));
  }

  private Caller caller() {
    return CallerSecurityContext.callerOf(security);
  }

  private ResourceLocation location() {
    return ScimBase.of(uri);
  }
}
