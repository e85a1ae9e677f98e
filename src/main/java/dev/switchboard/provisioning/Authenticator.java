package dev.switchboard.provisioning;

import java.util.Optional;

/**
 * Who a bearer credential stands for: an OAuth access token ({@link AccessTokens}) or else a static
 * API token ({@link TokenService}). Thread-safe.
 */
public final class Authenticator {
  private final AccessTokens accessTokens;
  private final TokenService tokens;

  Authenticator(AccessTokens accessTokens, TokenService tokens) {
    this.accessTokens = accessTokens;
    this.tokens = tokens;
  }

  public Optional<Caller> authenticate(String credential) {
    if (credential == null || credential.isBlank()) {
      return Optional.empty();
    }
    if (looksLikeJwt(credential)) {
      Optional<Caller> caller = accessTokens.verify(credential.trim());
      if (caller.isPresent()) {
        return caller;
      }
    }
    return tokens.authenticate(credential);
  }

  /** Three base64url parts: only then is an access token worth parsing. */
  private static boolean looksLikeJwt(String credential) {
    return credential.trim().chars().filter(c -> c == '.').count() == 2;
  }
}
