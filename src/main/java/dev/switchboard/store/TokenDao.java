package dev.switchboard.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** API tokens by name and by hash. Runs inside the caller's transaction. */
@RegisterConstructorMapper(TokenRow.class)
public interface TokenDao {
  @SqlUpdate(
      "INSERT INTO api_tokens (name, scope, token_hash, created)"
          + " VALUES (:name, :scope, :tokenHash, :created)")
  void insert(@BindMethods TokenRow row);

  /**
   * Registers or re-keys a token by name (for tokens given in the environment at start); {@code
   * created} becomes the time of a new token value and stays for the same one.
   */
  @SqlUpdate(
      "INSERT INTO api_tokens (name, scope, token_hash, created)"
          + " VALUES (:name, :scope, :tokenHash, :created) ON CONFLICT (name) DO UPDATE"
          + " SET scope = excluded.scope, token_hash = excluded.token_hash,"
          + " created = CASE WHEN api_tokens.token_hash = excluded.token_hash"
          + " THEN api_tokens.created ELSE excluded.created END")
  void upsert(@BindMethods TokenRow row);

  /** The token with this hash: read on every request, so on the fluent API (see UserDao.find). */
  static Optional<TokenRow> byHash(Handle handle, String hash) {
    return handle
        .createQuery(
            "SELECT name, scope, token_hash, created FROM api_tokens WHERE token_hash = :hash")
        .bind("hash", hash)
        .map(
            (rs, ctx) ->
                new TokenRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
        .findOne();
  }

  @SqlQuery("SELECT name, scope, token_hash, created FROM api_tokens WHERE name = :name")
  Optional<TokenRow> byName(@Bind("name") String name);

  @SqlQuery("SELECT name, scope, token_hash, created FROM api_tokens ORDER BY name")
  List<TokenRow> all();

  @SqlUpdate("DELETE FROM api_tokens WHERE name = :name")
  int delete(@Bind("name") String name);
}
