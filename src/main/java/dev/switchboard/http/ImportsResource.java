package dev.switchboard.http;

import com.unboundid.scim2.common.exceptions.ScimException;
import dev.switchboard.provisioning.CsvImports;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;

/**
 * {@code POST /admin/imports?mode=add|sync} with a CSV body → 202 and the import's location; {@code
 * GET /admin/imports/{id}} → its progress and error lines.
 */
@Path(AdminApi.PATH + "/imports")
@Produces(MediaType.APPLICATION_JSON)
public final class ImportsResource {
  private final CsvImports imports;

  @Context private UriInfo uri;

  @Context private SecurityContext security;

  public ImportsResource(CsvImports imports) {
    this.imports = imports;
  }

  @POST
  @Consumes({"text/csv", "application/csv", MediaType.TEXT_PLAIN, "application/octet-stream"})
  public Response start(@QueryParam("mode") String mode, InputStream body) throws ScimException {
    String id = imports.start(body, mode, CallerSecurityContext.callerOf(security));
    URI location = uri.getBaseUriBuilder().path(AdminApi.PATH).path("imports").path(id).build();
    return Response.accepted(JsonBodies.text(imports.status(id))).location(location).build();
  }

  @GET
  @Path("{id}")
  public Response status(@PathParam("id") String id) throws ScimException {
    return Response.ok(JsonBodies.text(imports.status(id))).build();
  }
}
