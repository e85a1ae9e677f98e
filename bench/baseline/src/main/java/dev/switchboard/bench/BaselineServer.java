package dev.switchboard.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * {@code java -jar baseline.jar PORT}: {@code GET /constant} answers a fixed SCIM-user-sized JSON
 * document. What Grizzly and Jersey cost with no work behind them: the benchmark's yardstick.
 */
public final class BaselineServer {
  private static final String USER =
      "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
          + "\"id\":\"2819c223-7f76-453a-919d-413861904646\",\"userName\":\"bjensen@example.com\","
          + "\"displayName\":\"Babs Jensen\",\"active\":true,\"emails\":[{\"value\":"
          + "\"bjensen@example.com\",\"type\":\"work\",\"primary\":true}],\"meta\":{"
          + "\"resourceType\":\"User\",\"created\":\"2026-01-23T04:56:22Z\",\"lastModified\":"
          + "\"2026-01-23T04:56:22Z\",\"version\":\"W/\\\"1\\\"\",\"location\":"
          + "\"http://127.0.0.1/scim/v2/Users/2819c223-7f76-453a-919d-413861904646\"}}";

  @Path("constant")
  public static final class Constant {
    @GET
    @Produces("application/scim+json")
    public String get() {
      return USER;
    }
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args.length > 0 ? args[0] : "8090");
    HttpServer server =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://127.0.0.1:" + port + "/"),
            new ResourceConfig().register(Constant.class));
    System.out.println("baseline listening on http://127.0.0.1:" + port + "/constant");
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
    Thread.currentThread().join();
  }
}
