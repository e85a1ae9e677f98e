package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.TestServer;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.Test;

/**
 * Finds every JAX-RS resource class of the server and sends each of its routes a request without a
 * token and one with the idp token: all but {@code /healthz}, the console's static files and the
 * OAuth token endpoint answer 401 without one; the admin routes (everything but what api.md gives
 * the idp scope) answer 403 to the idp token. A new resource is checked without anyone remembering
 * to add it here.
 */
class EveryRouteGuardedTest {
  /** Health, and the console's page and static files (they hold no data). */
  private static final Set<String> OPEN =
      Set.of("/healthz", "/admin", "/admin/assets/route-check.js");

  /**
   * RFC 6749 §4.4: the token endpoint takes no bearer token; the client authenticates with its
   * secret, so it answers an OAuth error of its own, never the bearer challenge.
   */
  private static final String TOKEN_ENDPOINT = "/oauth/token";

  /** api.md "Scopes": what an IdP may reach. */
  private static final List<String> IDP =
      List.of(
          "/scim/v2/Users",
          "/scim/v2/Groups",
          "/scim/v2/Bulk",
          "/scim/v2/Me",
          "/scim/v2/ServiceProviderConfig",
          "/scim/v2/ResourceTypes",
          "/scim/v2/Schemas",
          "/scim/v2/.search");

  record Route(String method, String path) {}

  @Test
  void everyRouteRefusesNoTokenAndAdminRoutesRefuseTheIdpToken() throws Exception {
    List<Route> routes = routes();
    assertTrue(routes.size() > 40, "found " + routes.size() + " routes: " + routes);
    List<String> wrong = new ArrayList<>();
    try (TestServer server = TestServer.start()) {
      assertTrue(routes.contains(new Route("POST", TOKEN_ENDPOINT)), routes.toString());
      for (Route route : routes) {
        if (route.path().equals(TOKEN_ENDPOINT)) {
          checkTokenEndpoint(server, route, wrong);
          continue;
        }
        boolean open = OPEN.contains(route.path());
        int anonymous = send(server, route, null);
        if (!open && anonymous != 401) {
          wrong.add(route + " without a token: " + anonymous);
        }
        boolean admin = !open && IDP.stream().noneMatch(route.path()::startsWith);
        int idp = send(server, route, "Bearer " + TestServer.IDP_TOKEN);
        if (admin && idp != 403) {
          wrong.add(route + " with the idp token: " + idp);
        }
        if (!admin && (idp == 401 || idp == 403)) {
          wrong.add(route + " refused the idp token: " + idp);
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  private static void checkTokenEndpoint(TestServer server, Route route, List<String> wrong) {
    for (String authorization : new String[] {null, "Bearer " + TestServer.IDP_TOKEN}) {
      TestServer.Reply reply =
          server.sendRoot(
              route.method(),
              route.path(),
              "grant_type=client_credentials".getBytes(),
              "application/x-www-form-urlencoded",
              authorization);
      if (reply.body() == null
          || !reply.body().has("error")
          || "Bearer realm=\"switchboard\"".equals(reply.header("WWW-Authenticate"))) {
        wrong.add(route + " with " + authorization + ": " + reply.raw().body());
      }
    }
  }

  private static int send(TestServer server, Route route, String authorization) {
    byte[] body = "POST PUT PATCH".contains(route.method()) ? "{}".getBytes() : null;
    return server
        .sendRoot(route.method(), route.path(), body, "application/scim+json", authorization)
        .status();
  }

  /** Every (method, path) of the resource classes in dev.switchboard.http, templates filled. */
  private static List<Route> routes() throws IOException, ClassNotFoundException {
    List<Route> routes = new ArrayList<>();
    java.nio.file.Path classes = java.nio.file.Path.of("target/classes/dev/switchboard/http");
    try (Stream<java.nio.file.Path> files = Files.list(classes)) {
      for (java.nio.file.Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class") || name.contains("$")) {
          continue;
        }
        Class<?> type = Class.forName("dev.switchboard.http." + name.replace(".class", ""));
        if (type.isAnnotationPresent(Path.class)) {
          collect(Resource.from(type), "", routes);
        }
      }
    }
    return routes;
  }

  private static void collect(Resource resource, String parent, List<Route> routes) {
    String path = join(parent, resource.getPath());
    for (ResourceMethod method : resource.getResourceMethods()) {
      routes.add(new Route(method.getHttpMethod(), path.replaceAll("\\{[^}]+}", "route-check.js")));
    }
    for (Resource child : resource.getChildResources()) {
      collect(child, path, routes);
    }
  }

  private static String join(String parent, String path) {
    String joined = (parent + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
    return joined.length() > 1 && joined.endsWith("/")
        ? joined.substring(0, joined.length() - 1)
        : joined;
  }
}
