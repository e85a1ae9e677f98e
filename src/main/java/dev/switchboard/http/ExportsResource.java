package dev.switchboard.http;

import dev.switchboard.provisioning.UserCsvExport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** {@code GET /admin/exports/users.csv}: every user's licensing values, streamed. */
@Path(AdminApi.PATH + "/exports")
public final class ExportsResource {
  private final UserCsvExport export;

  public ExportsResource(UserCsvExport export) {
    this.export = export;
  }

  @GET
  @Path("users.csv")
  public Response users() {
    StreamingOutput body = export::write;
    return Response.ok(body, "text/csv; charset=utf-8")
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"users.csv\"")
        .build();
  }
}
