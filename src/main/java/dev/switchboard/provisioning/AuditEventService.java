package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.MethodNotAllowedException;
import com.unboundid.scim2.common.exceptions.ScimException;
import dev.switchboard.scim.Projection;
import dev.switchboard.scim.ResourceConformer;
import dev.switchboard.scim.ResourceKind;
import dev.switchboard.scim.ResourceLocation;
import dev.switchboard.store.AdminRow;
import dev.switchboard.store.AuditDao;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.ResourceTable;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** /AuditEvents: read, list and filter; never created, edited or deleted by anyone. */
public final class AuditEventService extends StoredResourceService<AdminRow> {
  AuditEventService(
      Database database, ResourceKind kind, ResourceConformer conformer, Clock clock) {
    super(database, kind, ResourceTable.AUDIT_EVENTS, conformer, clock);
  }

  @Override
  public ResourceView create(
      ObjectNode input, Projection projection, ResourceLocation location, Caller caller)
      throws ScimException {
    throw readOnly();
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
    throw readOnly();
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
    throw readOnly();
  }

  @Override
  public void delete(String id, String ifMatch, Caller caller) throws ScimException {
    throw readOnly();
  }

  @Override
  protected Optional<AdminRow> findRow(Handle handle, String id) {
    return Daos.attach(handle, AuditDao.class).find(id);
  }

  @Override
  protected void deleteRow(Handle handle, String id) {
    throw new IllegalStateException("audit events are never deleted");
  }

  @Override
  protected String conflictDetail() {
    return "audit events are never written by clients";
  }

  private static MethodNotAllowedException readOnly() {
    return new MethodNotAllowedException(
        "Audit events are written by Switchboard and never edited; only GET is allowed");
  }
}
