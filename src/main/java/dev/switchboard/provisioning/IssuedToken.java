package dev.switchboard.provisioning;

/**
 * An access token just issued (RFC 6749 §5.1): its value, scope and lifetime in seconds.
 *
 * @param value the signed JWT, shown to the client once
 */
public record IssuedToken(String value, Scope scope, long expiresIn) {
  /** Never prints the token. */
  @Override
  public String toString() {
    return "IssuedToken[scope=" + scope + ", expiresIn=" + expiresIn + "]";
  }
}
