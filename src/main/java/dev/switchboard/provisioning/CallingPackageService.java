package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import dev.switchboard.scim.Representation;
import dev.switchboard.scim.ResourceConformer;
import dev.switchboard.scim.ResourceKind;
import dev.switchboard.store.AdminRow;
import dev.switchboard.store.CallingPackageDao;
import dev.switchboard.store.CaselessKey;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.ResourceTable;
import dev.switchboard.store.TemplateDao;
import dev.switchboard.store.UserDao;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** /CallingPackages: the ranked catalogue; a rank change re-resolves phone users. */
public final class CallingPackageService extends CatalogueService {
  CallingPackageService(
      Database database,
      ResourceKind kind,
      ResourceConformer conformer,
      Clock clock,
      ContactCenterLicensing licensing) {
    super(database, kind, ResourceTable.CALLING_PACKAGES, conformer, clock, licensing);
  }

  @Override
  protected ObjectNode canonical(ObjectNode input) throws ScimException {
    return conformer.conform(kind, input); // name and rank are required by the schema
  }

  @Override
  protected void save(Handle handle, String id, AdminRow current, ObjectNode body, Caller caller)
      throws ScimException {
    CallingPackageDao packages = Daos.attach(handle, CallingPackageDao.class);
    String name = body.get("name").asText();
    Optional<String> holder = packages.idByNameKey(CaselessKey.of(name));
    if (holder.isPresent() && !holder.get().equals(id)) {
      throw UniqueConstraint.conflict("a calling package named '" + name + "' exists");
    }
    long rank = body.get("rank").asLong();
    long now = clock.millis();
    if (current == null) {
      packages.insert(id, name, CaselessKey.of(name), rank, now, Representation.bodyText(body));
    } else {
      packages.update(id, name, CaselessKey.of(name), rank, now, Representation.bodyText(body));
      licensing.resolve(
          handle,
          Daos.attach(handle, UserDao.class).phoneLicensedIds(),
          "callingPackage:" + name + " changed",
          caller);
    }
  }

  @Override
  protected Runnable prepareDelete(Handle handle, AdminRow row, Caller caller)
      throws ScimException {
    String name = Representation.parseBody(row.body()).path("name").asText();
    if (Daos.attach(handle, CallingPackageDao.class).usersOf(name) > 0) {
      throw new ResourceConflictException(
          "calling package '" + name + "' is in use; move its users first");
    }
    for (String template : Daos.attach(handle, TemplateDao.class).bodies()) {
      if (name.equalsIgnoreCase(
          Representation.parseBody(template).path("callingPackage").asText(""))) {
        throw new ResourceConflictException(
            "calling package '" + name + "' is named by a license template; change it first");
      }
    }
    return () -> {};
  }

  @Override
  protected Optional<AdminRow> findRow(Handle handle, String id) {
    return Daos.attach(handle, CallingPackageDao.class).find(id);
  }

  @Override
  protected void deleteRow(Handle handle, String id) {
    Daos.attach(handle, CallingPackageDao.class).delete(id);
  }

  @Override
  protected String conflictDetail() {
    return "a calling package of that name exists";
  }
}
