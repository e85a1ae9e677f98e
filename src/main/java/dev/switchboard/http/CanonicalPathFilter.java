package dev.switchboard.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Microsoft's validator sends {@code /users} and {@code /Users/?filter=…}: endpoint names match in
 * any case and a trailing slash is ignored, before routing.
 */
@PreMatching
@Priority(100)
public final class CanonicalPathFilter implements ContainerRequestFilter {
  private static final Map<String, String> ENDPOINTS =
      Map.of(
          "users",
          "Users",
          "groups",
          "Groups",
          "bulk",
          "Bulk",
          "me",
          "Me",
          "serviceproviderconfig",
          "ServiceProviderConfig",
          "resourcetypes",
          "ResourceTypes",
          "schemas",
          "Schemas");

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath(false);
    String canonical = canonical(path);
    if (!canonical.equals(path)) {
      URI base = request.getUriInfo().getBaseUri();
      URI rewritten =
          UriBuilder.fromUri(request.getUriInfo().getRequestUri())
              .replacePath(base.getRawPath() + canonical)
              .build();
      request.setRequestUri(base, rewritten);
    }
  }

  static String canonical(String path) {
    String trimmed = path;
    while (trimmed.length() > 1 && trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    String[] segments = trimmed.split("/", -1);
    if (segments.length >= 3
        && segments[0].equalsIgnoreCase("scim")
        && segments[1].equalsIgnoreCase("v2")) {
      segments[0] = "scim";
      segments[1] = "v2";
      String endpoint = ENDPOINTS.get(segments[2].toLowerCase(Locale.ROOT));
      if (endpoint != null) {
        segments[2] = endpoint;
      }
    }
    return String.join("/", segments);
  }
}
