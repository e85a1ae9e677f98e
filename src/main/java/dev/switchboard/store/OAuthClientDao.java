package dev.switchboard.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** OAuth clients and their secrets. Runs inside the caller's transaction. */
@RegisterConstructorMapper(OAuthClientRow.class)
@RegisterConstructorMapper(OAuthSecretRow.class)
public interface OAuthClientDao {
  @SqlUpdate(
      "INSERT INTO oauth_clients (id, name, scope, created) VALUES (:id, :name, :scope, :created)")
  void insert(@BindMethods OAuthClientRow row);

  @SqlQuery("SELECT id, name, scope, created FROM oauth_clients WHERE id = :id")
  Optional<OAuthClientRow> find(@Bind("id") String id);

  @SqlQuery("SELECT id, name, scope, created FROM oauth_clients WHERE name = :name")
  Optional<OAuthClientRow> byName(@Bind("name") String name);

  @SqlQuery("SELECT id, name, scope, created FROM oauth_clients ORDER BY name")
  List<OAuthClientRow> all();

  /** Deletes the client and, by cascade, its secrets. */
  @SqlUpdate("DELETE FROM oauth_clients WHERE id = :id")
  int delete(@Bind("id") String id);

  @SqlUpdate(
      "INSERT INTO oauth_client_secrets (id, client_id, secret_hash, created)"
          + " VALUES (:id, :clientId, :secretHash, :created)")
  void insertSecret(@BindMethods OAuthSecretRow row);

  @SqlQuery(
      "SELECT id, client_id, secret_hash, created FROM oauth_client_secrets"
          + " WHERE client_id = :clientId ORDER BY created, id")
  List<OAuthSecretRow> secrets(@Bind("clientId") String clientId);

  @SqlUpdate("DELETE FROM oauth_client_secrets WHERE client_id = :clientId AND id = :id")
  int deleteSecret(@Bind("clientId") String clientId, @Bind("id") String id);

  /**
   * The client an access token names, if both it and the secret the token was issued under still
   * exist: read on every request, so on the fluent API (see UserDao.find).
   */
  static Optional<OAuthClientRow> withSecret(Handle handle, String clientId, String secretId) {
    return handle
        .createQuery(
            "SELECT c.id, c.name, c.scope, c.created FROM oauth_clients c"
                + " JOIN oauth_client_secrets s ON s.client_id = c.id"
                + " WHERE c.id = :clientId AND s.id = :secretId")
        .bind("clientId", clientId)
        .bind("secretId", secretId)
        .map(
            (rs, ctx) ->
                new OAuthClientRow(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
        .findOne();
  }
}
