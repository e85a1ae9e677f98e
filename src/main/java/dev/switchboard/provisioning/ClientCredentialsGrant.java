package dev.switchboard.provisioning;

import dev.switchboard.provisioning.OAuthError.Code;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /oauth/token} with {@code grant_type=client_credentials} (RFC 6749 §4.4): checks the
 * grant type, authenticates the client by its secret and grants the scope it asks for, if the
 * client holds it. Thread-safe.
 */
public final class ClientCredentialsGrant {
  private static final Logger log = LoggerFactory.getLogger(ClientCredentialsGrant.class);
  static final String GRANT_TYPE = "client_credentials";
  private final OAuthClientService clients;
  private final AccessTokens tokens;

  ClientCredentialsGrant(OAuthClientService clients, AccessTokens tokens) {
    this.clients = clients;
    this.tokens = tokens;
  }

  public IssuedToken grant(TokenRequest request) throws OAuthError {
    if (request.grantType() == null) {
      throw new OAuthError(Code.INVALID_REQUEST, "grant_type is missing; send client_credentials");
    }
    if (!GRANT_TYPE.equals(request.grantType())) {
      throw new OAuthError(
          Code.UNSUPPORTED_GRANT_TYPE,
          "this server issues tokens for grant_type client_credentials only");
    }
    if (request.clientId() == null || request.clientSecret() == null) {
      throw new OAuthError(
          Code.INVALID_CLIENT,
          "authenticate with HTTP Basic (client id and secret) or client_id and client_secret");
    }
    // What a client sent as its id is never logged: a client that swaps id and secret would
    // have its secret in the log. Only a known client's name is.
    Optional<OAuthClientService.Authenticated> authenticated =
        clients.authenticate(request.clientId(), request.clientSecret());
    if (authenticated.isEmpty()) {
      log.info("refused a token request: unknown client or wrong secret");
      throw new OAuthError(Code.INVALID_CLIENT, "unknown client or wrong secret for this client");
    }
    OAuthClientService.Authenticated client = authenticated.get();
    Scope held = Scope.parse(client.client().scope());
    IssuedToken token =
        tokens.issue(client.client().id(), client.secretId(), granted(request.scope(), held));
    log.debug(
        "issued an access token to OAuth client '{}' (scope {}, {} s)",
        client.client().name(),
        token.scope().wireName(),
        token.expiresIn());
    return token;
  }

  /** RFC 6749 §3.3: none asked = all the client holds; else the widest asked, if it holds it. */
  private static Scope granted(String requested, Scope held) throws OAuthError {
    if (requested == null) {
      return held;
    }
    Scope widest = Scope.IDP;
    for (String token : requested.trim().split(" +")) {
      Optional<Scope> scope =
          Arrays.stream(Scope.values()).filter(s -> s.wireName().equals(token)).findFirst();
      if (scope.isEmpty()) {
        throw new OAuthError(Code.INVALID_SCOPE, "scope is idp or admin, not '" + token + "'");
      }
      if (!held.includes(scope.get())) {
        throw new OAuthError(
            Code.INVALID_SCOPE,
            "this client holds scope " + held.wireName() + "; it cannot have " + token);
      }
      if (scope.get() == Scope.ADMIN) {
        widest = Scope.ADMIN;
      }
    }
    return widest;
  }
}
