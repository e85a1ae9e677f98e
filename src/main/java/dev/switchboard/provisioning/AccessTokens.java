package dev.switchboard.provisioning;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.store.Database;
import dev.switchboard.store.OAuthClientDao;
import dev.switchboard.store.OAuthClientRow;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * OAuth access tokens: JWTs signed with HS256 under the server's key ({@link SigningKeys}), with
 * issuer, subject (the client id), scope, iat, exp, jti and the id of the client secret they were
 * issued under. Only this server verifies them, so a shared key (HMAC) is enough, and no key needs
 * publishing. A token is accepted only while its client and that secret exist: deleting the client
 * or revoking the secret ends its tokens at once, as revoking an API token does. Thread-safe.
 */
public final class AccessTokens {
  static final String ISSUER = "switchboard";
  static final String KEY_PURPOSE = "oauth-access-token-hs256";
  private static final String SCOPE = "scope";
  private static final String SECRET_ID = "secret_id";

  /** RFC 9068's media type for access tokens, so no other JWT of ours passes for one. */
  private static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");

  private final Database database;
  private final Clock clock;
  private final TokenLifetime lifetime;
  private final MACSigner signer;
  private final MACVerifier verifier;

  AccessTokens(Database database, Clock clock, TokenLifetime lifetime) {
    this.database = database;
    this.clock = clock;
    this.lifetime = lifetime;
    byte[] key = SigningKeys.loadOrCreate(database, KEY_PURPOSE, clock);
    try {
      this.signer = new MACSigner(key);
      this.verifier = new MACVerifier(key);
    } catch (JOSEException e) {
      throw new IllegalStateException("the stored signing key is unusable for HS256", e);
    }
  }

  /** A token for {@code clientId} with {@code scope}, issued under the secret {@code secretId}. */
  IssuedToken issue(String clientId, String secretId, Scope scope) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(clientId)
            .claim(SCOPE, scope.wireName())
            .claim(SECRET_ID, secretId)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime.value())))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYPE).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign an access token", e);
    }
    return new IssuedToken(jwt.serialize(), scope, lifetime.seconds());
  }

  /**
   * The caller a token stands for: empty unless it is ours (HS256, our key, our issuer), unexpired,
   * and its client and secret still exist with a scope that covers the token's.
   */
  public Optional<Caller> verify(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
          || !TYPE.equals(jwt.getHeader().getType())
          || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date expires = claims.getExpirationTime();
      String clientId = claims.getSubject();
      String secretId = claims.getStringClaim(SECRET_ID);
      String scope = claims.getStringClaim(SCOPE);
      if (!ISSUER.equals(claims.getIssuer())
          || expires == null
          || !clock.instant().isBefore(expires.toInstant())
          || clientId == null
          || secretId == null
          || scope == null) {
        return Optional.empty();
      }
      Scope granted = Scope.parse(scope);
      Optional<OAuthClientRow> client =
          database.read(handle -> OAuthClientDao.withSecret(handle, clientId, secretId));
      return client
          .filter(row -> Scope.parse(row.scope()).includes(granted))
          .map(row -> new Caller(row.name(), granted));
    } catch (ParseException | JOSEException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
