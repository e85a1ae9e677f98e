package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.OAuthClientDao;
import dev.switchboard.store.OAuthClientRow;
import dev.switchboard.store.OAuthSecretRow;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * OAuth clients for the client credentials grant: created with a scope and one secret, then at most
 * {@value #MAX_SECRETS} active secrets at a time, so a secret can be rotated (add the new one,
 * switch the IdP over, revoke the old one). Secrets are 256 random bits, shown once and stored only
 * as SHA-256 (see {@link Secrets}). Every change is recorded in the configuration change log,
 * without secrets or their hashes. Thread-safe.
 */
public final class OAuthClientService {
  static final int MAX_SECRETS = 2;
  private static final int MAX_NAME = 200;
  private final Database database;
  private final Clock clock;
  private final ConfigChangeLog changes;

  public OAuthClientService(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
    this.changes = new ConfigChangeLog(clock);
  }

  /** A client as listed: never a secret. */
  public record ClientInfo(
      String id, String name, Scope scope, long created, List<SecretInfo> secrets) {}

  /** An active secret as listed: its id and age, never its value. */
  public record SecretInfo(String id, long created) {}

  /** A secret just made: shown to the admin once, not kept. */
  public record NewSecret(String clientId, String secretId, long created, String secret) {
    @Override
    public String toString() {
      return "NewSecret[clientId=" + clientId + ", secretId=" + secretId + "]";
    }
  }

  /** A client just made, with its first secret. */
  public record NewClient(ClientInfo client, NewSecret secret) {}

  public NewClient create(String name, String scope, Caller actor) throws ScimException {
    requireName(name);
    Scope parsed = parseScope(scope);
    String id = UUID.randomUUID().toString();
    String secret = Secrets.generate("sbs_");
    return database.write(
        handle -> {
          OAuthClientDao clients = Daos.attach(handle, OAuthClientDao.class);
          if (clients.byName(name).isPresent()) {
            throw UniqueConstraint.conflict("an OAuth client named '" + name + "' exists");
          }
          clients.insert(new OAuthClientRow(id, name, parsed.wireName(), clock.millis()));
          OAuthSecretRow row = addSecret(clients, id, secret);
          ClientInfo created = info(handle, find(clients, id));
          record(handle, actor, ConfigAction.CREATED, null, created);
          return new NewClient(created, new NewSecret(id, row.id(), row.created(), secret));
        });
  }

  /** Adds a secret to the client; refused when it has {@value #MAX_SECRETS} already. */
  public NewSecret addSecret(String clientId, Caller actor) throws ScimException {
    String secret = Secrets.generate("sbs_");
    return database.write(
        handle -> {
          OAuthClientDao clients = Daos.attach(handle, OAuthClientDao.class);
          ClientInfo before = info(handle, find(clients, clientId));
          if (before.secrets().size() >= MAX_SECRETS) {
            throw new ResourceConflictException(
                "OAuth client '"
                    + before.name()
                    + "' has "
                    + MAX_SECRETS
                    + " active secrets; revoke one (the one the IdP no longer uses) first");
          }
          OAuthSecretRow row = addSecret(clients, clientId, secret);
          ClientInfo after = info(handle, find(clients, clientId));
          record(handle, actor, ConfigAction.MODIFIED, before, after);
          return new NewSecret(clientId, row.id(), row.created(), secret);
        });
  }

  /** Revokes one secret: it, and the access tokens issued under it, stop working at once. */
  public void revokeSecret(String clientId, String secretId, Caller actor) throws ScimException {
    database.write(
        handle -> {
          OAuthClientDao clients = Daos.attach(handle, OAuthClientDao.class);
          ClientInfo before = info(handle, find(clients, clientId));
          if (clients.deleteSecret(clientId, secretId) == 0) {
            throw new ResourceNotFoundException(
                "OAuth client '" + before.name() + "' has no active secret " + secretId);
          }
          record(
              handle, actor, ConfigAction.MODIFIED, before, info(handle, find(clients, clientId)));
          return null;
        });
  }

  /** Deletes a client with its secrets: its access tokens stop working at once. */
  public void delete(String clientId, Caller actor) throws ScimException {
    database.write(
        handle -> {
          OAuthClientDao clients = Daos.attach(handle, OAuthClientDao.class);
          ClientInfo before = info(handle, find(clients, clientId));
          clients.delete(clientId);
          record(handle, actor, ConfigAction.DELETED, before, null);
          return null;
        });
  }

  public ClientInfo get(String clientId) throws ScimException {
    return database.read(
        handle -> info(handle, find(Daos.attach(handle, OAuthClientDao.class), clientId)));
  }

  public List<ClientInfo> list() {
    return database.read(
        handle ->
            Daos.attach(handle, OAuthClientDao.class).all().stream()
                .map(row -> info(handle, row))
                .toList());
  }

  /** The id of the client named {@code name} (the CLI names clients). */
  public Optional<String> idOf(String name) {
    return database.read(
        handle -> Daos.attach(handle, OAuthClientDao.class).byName(name).map(OAuthClientRow::id));
  }

  /**
   * The client and the id of its secret that {@code secret} matches, compared in constant time
   * against each active secret's hash; empty for an unknown client or a wrong secret alike.
   */
  Optional<Authenticated> authenticate(String clientId, String secret) {
    return database.read(
        handle -> {
          OAuthClientDao clients = Daos.attach(handle, OAuthClientDao.class);
          Optional<OAuthClientRow> client = clients.find(clientId);
          if (client.isEmpty()) {
            return Optional.empty();
          }
          Optional<String> matched = Optional.empty();
          for (OAuthSecretRow row : clients.secrets(clientId)) {
            if (Secrets.matches(secret, row.secretHash())) {
              matched = Optional.of(row.id());
            }
          }
          return matched.map(secretId -> new Authenticated(client.get(), secretId));
        });
  }

  /** A client that proved it holds the secret {@code secretId}. */
  record Authenticated(OAuthClientRow client, String secretId) {}

  private OAuthSecretRow addSecret(OAuthClientDao clients, String clientId, String secret) {
    OAuthSecretRow row =
        new OAuthSecretRow(
            UUID.randomUUID().toString(), clientId, Secrets.hash(secret), clock.millis());
    clients.insertSecret(row);
    return row;
  }

  private static OAuthClientRow find(OAuthClientDao clients, String clientId)
      throws ResourceNotFoundException {
    return clients
        .find(clientId)
        .orElseThrow(() -> new ResourceNotFoundException("No OAuth client " + clientId));
  }

  private static ClientInfo info(Handle handle, OAuthClientRow row) {
    List<SecretInfo> secrets =
        Daos.attach(handle, OAuthClientDao.class).secrets(row.id()).stream()
            .map(secret -> new SecretInfo(secret.id(), secret.created()))
            .toList();
    return new ClientInfo(row.id(), row.name(), Scope.parse(row.scope()), row.created(), secrets);
  }

  private void record(
      Handle handle, Caller actor, ConfigAction action, ClientInfo before, ClientInfo after) {
    ClientInfo client = after == null ? before : after;
    changes.record(
        handle,
        actor,
        new ConfigChangeLog.Change(
            ConfigResourceType.OAUTH_CLIENT,
            client.id(),
            client.name(),
            action,
            json(before),
            json(after)));
  }

  /** A client as the change log and the admin API show it: secret ids and ages only. */
  public static ObjectNode json(ClientInfo client) {
    if (client == null) {
      return null;
    }
    ObjectNode node = JsonUtils.getJsonNodeFactory().objectNode();
    node.put("id", client.id());
    node.put("name", client.name());
    node.put("scope", client.scope().wireName());
    node.put("created", Instant.ofEpochMilli(client.created()).toString());
    ArrayNode secrets = node.putArray("secrets");
    for (SecretInfo secret : client.secrets()) {
      ObjectNode shown = secrets.addObject();
      shown.put("id", secret.id());
      shown.put("created", Instant.ofEpochMilli(secret.created()).toString());
    }
    return node;
  }

  private static void requireName(String name) throws BadRequestException {
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw BadRequestException.invalidValue(
          "an OAuth client needs a name of 1 to " + MAX_NAME + " characters");
    }
  }

  private static Scope parseScope(String scope) throws BadRequestException {
    try {
      return Scope.parse(scope);
    } catch (IllegalArgumentException e) {
      throw BadRequestException.invalidValue(e.getMessage());
    }
  }
}
