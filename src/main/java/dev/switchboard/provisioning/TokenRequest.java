package dev.switchboard.provisioning;

/**
 * An RFC 6749 §4.4.2 access token request as read off the wire: each value null when absent (§3.2:
 * a parameter without a value counts as absent).
 *
 * @param grantType {@code grant_type}
 * @param clientId from HTTP Basic or the {@code client_id} field
 * @param clientSecret from HTTP Basic or the {@code client_secret} field
 * @param scope {@code scope}, space-delimited
 */
public record TokenRequest(String grantType, String clientId, String clientSecret, String scope) {
  /** Never prints the secret. */
  @Override
  public String toString() {
    return "TokenRequest[grantType="
        + grantType
        + ", clientId="
        + clientId
        + ", scope="
        + scope
        + "]";
  }
}
