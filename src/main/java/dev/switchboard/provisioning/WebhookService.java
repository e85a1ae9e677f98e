package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import dev.switchboard.scim.Representation;
import dev.switchboard.scim.ResourceConformer;
import dev.switchboard.scim.ResourceKind;
import dev.switchboard.store.AdminRow;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.EventDao;
import dev.switchboard.store.ResourceTable;
import dev.switchboard.store.WebhookDao;
import dev.switchboard.store.WebhookRow;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * /Webhooks: where the event stream goes. The body keeps {@code url} and {@code events}; the secret
 * and {@code active} live in columns (the secret is never rendered nor logged, the worker pauses an
 * endpoint by clearing {@code active}). A new endpoint receives the events after its creation;
 * {@code GET /admin/events} replays older ones. Any admin write restarts delivery at once.
 */
public final class WebhookService extends CatalogueService {
  static final String OK = "ok";
  static final String PAUSED = "paused";
  private static final int MIN_SECRET_LENGTH = 16;

  WebhookService(
      Database database,
      ResourceKind kind,
      ResourceConformer conformer,
      Clock clock,
      ContactCenterLicensing licensing) {
    super(database, kind, ResourceTable.WEBHOOKS, conformer, clock, licensing);
  }

  @Override
  protected ObjectNode canonical(ObjectNode input) throws ScimException {
    ObjectNode body = conformer.conform(kind, input);
    WebhookUrl.check(body.get("url").asText());
    for (JsonNode type : body.path("events")) {
      EventType.parse(type.asText());
    }
    if (body.has("secret") && body.get("secret").asText().length() < MIN_SECRET_LENGTH) {
      throw BadRequestException.invalidValue(
          "secret needs at least " + MIN_SECRET_LENGTH + " characters: it keys the signature");
    }
    return body;
  }

  @Override
  protected void save(Handle handle, String id, AdminRow current, ObjectNode body, Caller caller)
      throws ScimException {
    WebhookDao webhooks = Daos.attach(handle, WebhookDao.class);
    JsonNode given = body.remove("secret");
    boolean active = body.path("active").asBoolean(true);
    body.remove("active"); // a column: the worker pauses an endpoint
    String url = body.get("url").asText();
    String state = active ? OK : PAUSED;
    long now = clock.millis();
    String text = Representation.bodyText(body);
    if (current == null) {
      if (given == null) {
        throw BadRequestException.invalidValue(
            "secret is required: every delivery is signed with it (at least "
                + MIN_SECRET_LENGTH
                + " characters)");
      }
      long cursor = Daos.attach(handle, EventDao.class).lastId();
      webhooks.insert(id, url, given.asText(), active, state, cursor, now, text);
    } else {
      String secret = given != null ? given.asText() : webhooks.delivery(id).orElseThrow().secret();
      webhooks.update(id, url, secret, active, state, now, text);
    }
  }

  @Override
  protected void renderComputed(Handle handle, AdminRow row, ObjectNode resource) {
    Optional<WebhookRow> delivery = Daos.attach(handle, WebhookDao.class).delivery(row.id());
    if (delivery.isEmpty()) {
      return;
    }
    WebhookRow webhook = delivery.get();
    resource.put("active", webhook.active());
    resource.put("state", webhook.state());
    if (webhook.lastError() != null) {
      resource.put("lastError", webhook.lastError());
    }
    resource.put("deliveredThrough", webhook.deliveredThrough());
    long last = Daos.attach(handle, EventDao.class).lastId();
    resource.put("pending", Math.max(0, last - webhook.deliveredThrough()));
  }

  @Override
  protected String name(ObjectNode body) {
    return body.path("url").asText(null);
  }

  @Override
  protected Optional<AdminRow> findRow(Handle handle, String id) {
    return Daos.attach(handle, WebhookDao.class).find(id);
  }

  @Override
  protected void deleteRow(Handle handle, String id) {
    Daos.attach(handle, WebhookDao.class).delete(id);
  }

  @Override
  protected String conflictDetail() {
    return "the webhook changed meanwhile; read it again";
  }
}
