package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.TokenDao;
import dev.switchboard.store.TokenRow;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * API tokens: made here with 256 random bits, stored only as SHA-256 (see {@link Secrets} for why
 * that hash), shown once. Every change is recorded in the configuration change log, never with the
 * token or its hash. Thread-safe.
 */
public final class TokenService {
  private final Database database;
  private final Clock clock;
  private final ConfigChangeLog changes;

  public TokenService(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
    this.changes = new ConfigChangeLog(clock);
  }

  /** A token as listed: never its secret. */
  public record TokenInfo(String name, Scope scope, long created) {}

  /** Creates a token for {@code actor} and returns its secret, which is not kept anywhere. */
  public String create(String name, Scope scope, Caller actor) {
    requireName(name);
    String token = Secrets.generate("sb_");
    database.write(
        handle -> {
          TokenDao tokens = Daos.attach(handle, TokenDao.class);
          if (tokens.byName(name).isPresent()) {
            throw new IllegalArgumentException(
                "a token named '" + name + "' exists; revoke it first");
          }
          TokenRow row = new TokenRow(name, scope.wireName(), Secrets.hash(token), clock.millis());
          tokens.insert(row);
          record(handle, actor, ConfigAction.CREATED, null, row);
          return null;
        });
    return token;
  }

  /**
   * Registers a token given from outside (the environment) under {@code name}; recorded only when
   * it is new or differs from the one registered before.
   */
  public void register(String name, Scope scope, String token) {
    requireName(name);
    database.write(
        handle -> {
          TokenDao tokens = Daos.attach(handle, TokenDao.class);
          Optional<TokenRow> before = tokens.byName(name);
          TokenRow row = new TokenRow(name, scope.wireName(), Secrets.hash(token), clock.millis());
          tokens.upsert(row);
          if (before.isEmpty()) {
            record(handle, Caller.ENVIRONMENT, ConfigAction.CREATED, null, row);
          } else {
            TokenRow after = tokens.byName(name).orElseThrow();
            record(handle, Caller.ENVIRONMENT, ConfigAction.REPLACED, before.get(), after);
          }
          return null;
        });
  }

  public Optional<Caller> authenticate(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return database
        .read(handle -> TokenDao.byHash(handle, Secrets.hash(token.trim())))
        .map(row -> new Caller(row.name(), Scope.parse(row.scope())));
  }

  public List<TokenInfo> list() {
    return database.read(handle -> Daos.attach(handle, TokenDao.class).all()).stream()
        .map(row -> new TokenInfo(row.name(), Scope.parse(row.scope()), row.created()))
        .toList();
  }

  /** Revokes the token named {@code name}; false when there is none. */
  public boolean revoke(String name, Caller actor) {
    return database.write(
        handle -> {
          TokenDao tokens = Daos.attach(handle, TokenDao.class);
          Optional<TokenRow> before = tokens.byName(name);
          if (before.isEmpty()) {
            return false;
          }
          tokens.delete(name);
          record(handle, actor, ConfigAction.DELETED, before.get(), null);
          return true;
        });
  }

  private void record(
      Handle handle, Caller actor, ConfigAction action, TokenRow before, TokenRow after) {
    String name = (after == null ? before : after).name();
    changes.record(
        handle,
        actor,
        new ConfigChangeLog.Change(
            ConfigResourceType.API_TOKEN, name, name, action, shown(before), shown(after)));
  }

  /**
   * A token as the change log shows it: name, scope and when its value was set (so a re-keyed token
   * shows as changed), never the token or its hash.
   */
  private static ObjectNode shown(TokenRow row) {
    if (row == null) {
      return null;
    }
    ObjectNode token = JsonUtils.getJsonNodeFactory().objectNode();
    token.put("name", row.name());
    token.put("scope", row.scope());
    token.put("created", Instant.ofEpochMilli(row.created()).toString());
    return token;
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("a token needs a name of 1 to 200 characters");
    }
  }
}
