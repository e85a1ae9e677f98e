package dev.switchboard.http;

import dev.switchboard.store.Database;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /healthz}: 200 once the store is migrated and a write transaction commits. */
@Path("healthz")
public final class HealthResource {
  private final Database database;

  public HealthResource(Database database) {
    this.database = database;
  }

  @GET
  public Response health() {
    if (database.isWritable()) {
      return Response.ok("{\"status\":\"ok\"}", MediaType.APPLICATION_JSON_TYPE).build();
    }
    return ScimResponses.error(503, null, "The store is not writable");
  }
}
