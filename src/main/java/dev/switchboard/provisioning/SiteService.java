package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import dev.switchboard.scim.Representation;
import dev.switchboard.scim.ResourceConformer;
import dev.switchboard.scim.ResourceKind;
import dev.switchboard.store.AdminRow;
import dev.switchboard.store.CaselessKey;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.ResourceTable;
import dev.switchboard.store.SiteDao;
import dev.switchboard.store.SiteRow;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * /Sites: name, extension ranges, cooldown and hold days, and the one default site (the first
 * created; moved by setting isDefault on another). Range changes serve users waiting for a number
 * at once.
 */
public final class SiteService extends CatalogueService {
  private static final long DEFAULT_HOLD_DAYS = 30;

  SiteService(
      Database database,
      ResourceKind kind,
      ResourceConformer conformer,
      Clock clock,
      ContactCenterLicensing licensing) {
    super(database, kind, ResourceTable.SITES, conformer, clock, licensing);
  }

  @Override
  protected ObjectNode canonical(ObjectNode input) throws ScimException {
    ObjectNode body = conformer.conform(kind, input);
    nonNegative(body, "extensionCooldownDays", 0);
    nonNegative(body, "holdDays", DEFAULT_HOLD_DAYS);
    for (JsonNode range : body.path("extensionRanges")) {
      String from = range.path("from").asText("");
      String to = range.path("to").asText("");
      if (!from.matches("[0-9]{1,18}") || !to.matches("[0-9]{1,18}")) {
        throw BadRequestException.invalidValue(
            "extensionRanges need 'from' and 'to' as digit strings, got " + range);
      }
      if (from.length() != to.length() || Long.parseLong(from) > Long.parseLong(to)) {
        throw BadRequestException.invalidValue(
            "extension range "
                + from
                + "-"
                + to
                + ": 'from' and 'to' need the same number of"
                + " digits and 'from' must not exceed 'to'");
      }
    }
    return body;
  }

  @Override
  protected void save(Handle handle, String id, AdminRow current, ObjectNode body, Caller caller)
      throws ScimException {
    SiteDao sites = Daos.attach(handle, SiteDao.class);
    String name = body.get("name").asText();
    Optional<SiteRow> holder = sites.byNameKey(CaselessKey.of(name));
    if (holder.isPresent() && !holder.get().id().equals(id)) {
      throw UniqueConstraint.conflict("a site named '" + name + "' exists");
    }
    for (JsonNode range : body.path("extensionRanges")) {
      String from = range.get("from").asText();
      if (sites.overlapping(
              id, Long.parseLong(from), Long.parseLong(range.get("to").asText()), from.length())
          > 0) {
        throw BadRequestException.invalidValue(
            "extension range "
                + from
                + "-"
                + range.get("to").asText()
                + " overlaps another site's range; a number belongs to one site");
      }
    }
    boolean wasDefault = current != null && sites.columns(id).map(SiteRow::isDefault).orElse(false);
    boolean isDefault = body.path("isDefault").asBoolean(false) || sites.count() == 0 || wasDefault;
    if (wasDefault && body.has("isDefault") && !body.get("isDefault").asBoolean()) {
      throw BadRequestException.invalidValue(
          "a site is needed as the default; make another site the default instead");
    }
    body.remove("isDefault"); // a column: it moves when another site becomes the default
    long now = clock.millis();
    long cooldown = body.get("extensionCooldownDays").asLong();
    long hold = body.get("holdDays").asLong();
    String text = Representation.bodyText(body);
    if (current == null) {
      sites.insert(id, name, CaselessKey.of(name), isDefault, cooldown, hold, now, text);
    } else {
      sites.update(id, name, CaselessKey.of(name), isDefault, cooldown, hold, now, text);
    }
    if (isDefault) {
      sites.clearDefaultExcept(id);
    }
    sites.deleteRanges(id);
    for (JsonNode range : body.path("extensionRanges")) {
      String from = range.get("from").asText();
      sites.insertRange(
          id, Long.parseLong(from), Long.parseLong(range.get("to").asText()), from.length());
    }
    licensing.servePhone(handle, caller);
  }

  @Override
  protected void renderComputed(Handle handle, AdminRow row, ObjectNode resource) {
    Daos.attach(handle, SiteDao.class)
        .columns(row.id())
        .ifPresent(site -> resource.put("isDefault", site.isDefault()));
  }

  @Override
  protected Runnable prepareDelete(Handle handle, AdminRow row, Caller caller)
      throws ScimException {
    SiteDao sites = Daos.attach(handle, SiteDao.class);
    SiteRow site = sites.columns(row.id()).orElseThrow();
    if (sites.usage(site.id(), CaselessKey.of(site.name())) > 0) {
      throw new ResourceConflictException(
          "site '" + site.name() + "' has users or numbers; move them first");
    }
    if (site.isDefault() && sites.count() > 1) {
      throw new ResourceConflictException(
          "site '" + site.name() + "' is the default; make another site the default first");
    }
    return () -> {};
  }

  @Override
  protected Optional<AdminRow> findRow(Handle handle, String id) {
    return Daos.attach(handle, SiteDao.class).find(id);
  }

  @Override
  protected void deleteRow(Handle handle, String id) {
    Daos.attach(handle, SiteDao.class).delete(id);
  }

  @Override
  protected String conflictDetail() {
    return "a site of that name exists";
  }

  private static void nonNegative(ObjectNode body, String name, long fallback)
      throws BadRequestException {
    if (!body.has(name)) {
      body.put(name, fallback);
    } else if (body.get(name).asLong() < 0) {
      throw BadRequestException.invalidValue(name + " cannot be negative");
    }
  }
}
