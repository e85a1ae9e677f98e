package dev.switchboard.http;

import dev.switchboard.provisioning.Authenticator;
import dev.switchboard.provisioning.Caller;
import dev.switchboard.provisioning.Scope;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;

/**
 * Every route under {@code /scim/v2} and {@code /admin/}, and {@code /metrics}, needs a token (but
 * the console's own static files, see {@link ConsoleResource}): none or an unknown one → 401 with
 * {@code WWW-Authenticate: Bearer}; a known token outside its scope → 403. Accepts {@code Bearer
 * <token>} and Okta's raw {@code <token>}, where the token is an API token or an OAuth access token
 * from {@link OAuthTokenResource} (which itself needs none). Runs before routing, so unknown paths
 * reveal nothing to a caller without a token.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class TokenAuthFilter implements ContainerRequestFilter {
  /** The first path segment after /scim/v2 that an IdP may reach; everything else is admin. */
  private static final Set<String> IDP_ENDPOINTS =
      Set.of(
          "Users",
          "Groups",
          "Bulk",
          "Me",
          "ServiceProviderConfig",
          "ResourceTypes",
          "Schemas",
          ".search");

  private final Authenticator tokens;

  public TokenAuthFilter(Authenticator tokens) {
    this.tokens = tokens;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath(false);
    if (!path.startsWith(ScimBase.PATH) && !AdminApi.covers(path) && !MetricsResource.covers(path)
        || ConsoleResource.serves(request.getMethod(), path)) {
      return;
    }
    Optional<Caller> caller =
        tokens.authenticate(token(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
    if (caller.isEmpty()) {
      request.abortWith(
          Response.fromResponse(
                  ScimResponses.error(
                      401, null, "Send a valid token as 'Authorization: Bearer <token>'"))
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"switchboard\"")
              .build());
      return;
    }
    // Set before the scope check, so the access log names the token that was refused too.
    request.setSecurityContext(
        new CallerSecurityContext(caller.get(), request.getSecurityContext().isSecure()));
    Scope required = requiredScope(path);
    if (!caller.get().scope().includes(required)) {
      request.abortWith(
          ScimResponses.error(
              403,
              null,
              "Token '"
                  + caller.get().tokenName()
                  + "' has scope "
                  + caller.get().scope().wireName()
                  + "; this needs "
                  + required.wireName()));
    }
  }

  static Scope requiredScope(String path) {
    if (AdminApi.covers(path) || MetricsResource.covers(path)) {
      return Scope.ADMIN;
    }
    String[] segments = path.split("/");
    return segments.length < 3 || IDP_ENDPOINTS.contains(segments[2]) ? Scope.IDP : Scope.ADMIN;
  }

  static String token(String authorization) {
    if (authorization == null) {
      return null;
    }
    String value = authorization.trim();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return value.substring(7).trim();
    }
    return value.contains(" ") ? null : value;
  }
}
