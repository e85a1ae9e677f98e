package dev.switchboard.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /metrics}: every meter of {@link ServerMetrics} in the Prometheus text format. Scope
 * admin (api.md), enforced by {@link TokenAuthFilter}.
 */
@Path(MetricsResource.PATH)
public final class MetricsResource {
  static final String PATH = "metrics";
  private final ServerMetrics metrics;

  MetricsResource(ServerMetrics metrics) {
    this.metrics = metrics;
  }

  @GET
  public Response scrape() {
    return Response.ok(metrics.scrape(), ServerMetrics.CONTENT_TYPE).build();
  }

  /** True for {@code metrics} and anything below it, in any case (paths without the slash). */
  static boolean covers(String path) {
    return path.equalsIgnoreCase(PATH)
        || path.regionMatches(true, 0, PATH + "/", 0, PATH.length() + 1);
  }
}
