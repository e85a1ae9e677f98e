package dev.switchboard.http;

import dev.switchboard.provisioning.Scope;

/**
 * How many requests per second one token of each scope may send; 0 = no limit. A token may also
 * send up to one second's worth at once (the bucket holds {@code N} and refills {@code N} a
 * second). Immutable.
 *
 * @param idpPerSecond the limit for each {@code idp} token
 * @param adminPerSecond the limit for each {@code admin} token
 */
public record RateLimits(int idpPerSecond, int adminPerSecond) {
  /** No limit for any token (the default). */
  public static final RateLimits OFF = new RateLimits(0, 0);

  /** Entra ID sends up to this many requests a second; a lower idp limit throttles it. */
  public static final int ENTRA_REQUESTS_PER_SECOND = 25;

  public RateLimits {
    if (idpPerSecond < 0 || adminPerSecond < 0) {
      throw new IllegalArgumentException(
          "a rate limit is requests per second, 0 = off; not "
              + Math.min(idpPerSecond, adminPerSecond));
    }
  }

  /** The limit for a token of {@code scope}, 0 = none. */
  public int perSecond(Scope scope) {
    return scope == Scope.IDP ? idpPerSecond : adminPerSecond;
  }

  /** Whether any token is limited at all. */
  public boolean any() {
    return idpPerSecond > 0 || adminPerSecond > 0;
  }

  /** Whether the idp limit is set low enough to slow Entra's provisioning down. */
  public boolean throttlesEntra() {
    return idpPerSecond > 0 && idpPerSecond < ENTRA_REQUESTS_PER_SECOND;
  }
}
