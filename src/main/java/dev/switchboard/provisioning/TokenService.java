package dev.switchboard.provisioning;

import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.TokenDao;
import dev.switchboard.store.TokenRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API tokens: made here with 256 random bits, stored only as SHA-256 (a slow hash buys nothing for
 * secrets this long), shown once. Thread-safe.
 */
public final class TokenService {
  private static final SecureRandom random = new SecureRandom();
  private final Database database;
  private final Clock clock;

  public TokenService(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** A token as listed: never its secret. */
  public record TokenInfo(String name, Scope scope, long created) {}

  /** Creates a token and returns its secret, which is not kept anywhere. */
  public String create(String name, Scope scope) {
    requireName(name);
    String token = "sb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
    database.write(
        handle -> {
          TokenDao tokens = Daos.attach(handle, TokenDao.class);
          if (tokens.byName(name).isPresent()) {
            throw new IllegalArgumentException(
                "a token named '" + name + "' exists; revoke it first");
          }
          tokens.insert(new TokenRow(name, scope.wireName(), hash(token), clock.millis()));
          return null;
        });
    return token;
  }

  /** Registers a token given from outside (the environment) under {@code name}. */
  public void register(String name, Scope scope, String token) {
    requireName(name);
    database.write(
        handle -> {
          Daos.attach(handle, TokenDao.class)
              .upsert(new TokenRow(name, scope.wireName(), hash(token), clock.millis()));
          return null;
        });
  }

  public Optional<Caller> authenticate(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return database
        .read(handle -> TokenDao.byHash(handle, hash(token.trim())))
        .map(row -> new Caller(row.name(), Scope.parse(row.scope())));
  }

  public List<TokenInfo> list() {
    return database.read(handle -> Daos.attach(handle, TokenDao.class).all()).stream()
        .map(row -> new TokenInfo(row.name(), Scope.parse(row.scope()), row.created()))
        .toList();
  }

  public boolean revoke(String name) {
    return database.write(handle -> Daos.attach(handle, TokenDao.class).delete(name)) > 0;
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("a token needs a name of 1 to 200 characters");
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return bytes;
  }

  static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
