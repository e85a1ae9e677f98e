package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOperation;
import dev.switchboard.scim.PatchReader;
import dev.switchboard.scim.Preconditions;
import dev.switchboard.scim.Projection;
import dev.switchboard.scim.Representation;
import dev.switchboard.scim.ResourceConformer;
import dev.switchboard.scim.ResourceKind;
import dev.switchboard.scim.ResourceLocation;
import dev.switchboard.store.AdminRow;
import dev.switchboard.store.Database;
import dev.switchboard.store.ResourceTable;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The shape every admin catalogue resource shares (templates, sites, calling packages, numbers): a
 * body made canonical and checked, stored with its columns; PUT and PATCH end in the same save.
 * Subclasses say how to check, insert and update; then licensing is told. Every write is recorded
 * in the configuration change log, in the write's transaction.
 */
abstract class CatalogueService extends StoredResourceService<AdminRow> {
  protected final ContactCenterLicensing licensing;
  private final ConfigChangeLog changes;
  private final ConfigResourceType type;

  CatalogueService(
      Database database,
      ResourceKind kind,
      ResourceTable<AdminRow> table,
      ResourceConformer conformer,
      Clock clock,
      ContactCenterLicensing licensing) {
    super(database, kind, table, conformer, clock);
    this.licensing = licensing;
    this.changes = new ConfigChangeLog(clock);
    this.type =
        ConfigResourceType.ofResourceType(kind.name())
            .orElseThrow(() -> new IllegalArgumentException(kind.name() + " is no configuration"));
  }

  /** The conformed body with defaults filled and values checked (no store access). */
  protected abstract ObjectNode canonical(ObjectNode input) throws ScimException;

  /** Stores a new ({@code current} null) or changed resource; checks against the store. */
  protected abstract void save(
      Handle handle, String id, AdminRow current, ObjectNode body, Caller caller)
      throws ScimException;

  @Override
  public ResourceView create(
      ObjectNode input, Projection projection, ResourceLocation location, Caller caller)
      throws ScimException {
    ObjectNode body = canonical(input);
    return write(handle -> view(handle, createIn(handle, body, caller), projection, location));
  }

  @Override
  public ResourceView replace(
      String id,
      ObjectNode input,
      String ifMatch,
      Projection projection,
      ResourceLocation location,
      Caller caller)
      throws ScimException {
    ObjectNode body = canonical(input);
    return write(
        handle -> view(handle, replaceIn(handle, id, body, ifMatch, caller), projection, location));
  }

  @Override
  public ResourceView patch(
      String id,
      ObjectNode request,
      String ifMatch,
      Projection projection,
      ResourceLocation location,
      Caller caller)
      throws ScimException {
    List<PatchOperation> operations = PatchReader.read(kind, request);
    return write(
        handle ->
            view(handle, patchIn(handle, id, operations, ifMatch, caller), projection, location));
  }

  /** A create's transaction, given the canonical body; returns the stored row. */
  protected final AdminRow createIn(Handle handle, ObjectNode body, Caller caller)
      throws ScimException {
    String id = UUID.randomUUID().toString();
    save(handle, id, null, body, caller);
    AdminRow created = find(handle, id);
    record(handle, caller, ConfigAction.CREATED, null, created);
    return created;
  }

  /** A replace's transaction, given the canonical body; returns the stored row. */
  protected final AdminRow replaceIn(
      Handle handle, String id, ObjectNode body, String ifMatch, Caller caller)
      throws ScimException {
    AdminRow current = find(handle, id);
    Preconditions.requireMatch(ifMatch, current.version());
    ObjectNode before = snapshot(handle, current);
    save(handle, id, current, body, caller);
    AdminRow replaced = find(handle, id);
    record(handle, caller, ConfigAction.REPLACED, before, replaced);
    return replaced;
  }

  /** A patch's transaction; returns the stored row. */
  protected final AdminRow patchIn(
      Handle handle, String id, List<PatchOperation> operations, String ifMatch, Caller caller)
      throws ScimException {
    AdminRow current = find(handle, id);
    Preconditions.requireMatch(ifMatch, current.version());
    ObjectNode before = Representation.parseBody(current.body());
    renderComputed(handle, current, before);
    ObjectNode body = canonical(patcher.apply(kind, before, operations));
    ObjectNode snapshot = snapshot(handle, current);
    save(handle, id, current, body, caller);
    AdminRow patched = find(handle, id);
    record(handle, caller, ConfigAction.MODIFIED, snapshot, patched);
    return patched;
  }

  @Override
  protected void deleting(Handle handle, AdminRow row, Caller caller) {
    ObjectNode before = snapshot(handle, row);
    changes.record(
        handle,
        caller,
        new ConfigChangeLog.Change(
            type, row.id(), name(before), ConfigAction.DELETED, before, null));
  }

  /** The name a change log shows for a resource; the catalogue's resources have a {@code name}. */
  protected String name(ObjectNode body) {
    return body.path("name").asText(null);
  }

  private void record(
      Handle handle, Caller caller, ConfigAction action, ObjectNode before, AdminRow row) {
    ObjectNode after = snapshot(handle, row);
    changes.record(
        handle,
        caller,
        new ConfigChangeLog.Change(type, row.id(), name(after), action, before, after));
  }

  /** The resource as an admin configured it: its stored body and computed columns (isDefault). */
  private ObjectNode snapshot(Handle handle, AdminRow row) {
    ObjectNode body = Representation.parseBody(row.body());
    renderComputed(handle, row, body);
    return body;
  }
}
