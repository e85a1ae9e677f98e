package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import dev.switchboard.scim.ListQuery;
import dev.switchboard.scim.PatchApplier;
import dev.switchboard.scim.Preconditions;
import dev.switchboard.scim.Projection;
import dev.switchboard.scim.Representation;
import dev.switchboard.scim.ResourceConformer;
import dev.switchboard.scim.ResourceKind;
import dev.switchboard.scim.ResourceLocation;
import dev.switchboard.store.Database;
import dev.switchboard.store.ResourceTable;
import dev.switchboard.store.StoredRow;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What Users and Groups share: reading, listing, deleting, rendering and the write transaction that
 * turns a unique-index race into a 409. Subclasses add their writes and their relation ({@code
 * groups} of a user, {@code members} of a group). Thread-safe.
 *
 * @param <R> the stored row
 */
abstract class StoredResourceService<R extends StoredRow> implements ResourceService {
  protected final Database database;
  protected final ResourceKind kind;
  protected final ResourceConformer conformer;
  protected final PatchApplier patcher;
  protected final Clock clock;
  private final ResourceTable<R> table;

  StoredResourceService(
      Database database,
      ResourceKind kind,
      ResourceTable<R> table,
      ResourceConformer conformer,
      Clock clock) {
    this.database = database;
    this.kind = kind;
    this.table = table;
    this.conformer = conformer;
    this.patcher = new PatchApplier(conformer);
    this.clock = clock;
  }

  /** The row with this id, if it exists. */
  protected abstract Optional<R> findRow(Handle handle, String id);

  protected abstract void deleteRow(Handle handle, String id);

  /**
   * The attribute a relation fills ({@code groups} of a user, {@code members} of a group), and how
   * to render it; resources without one keep these defaults.
   */
  protected String relation() {
    return "";
  }

  protected void renderRelation(
      Handle handle, R row, ObjectNode resource, ResourceLocation location) {}

  /** What a 409 says when two writers race past the explicit uniqueness check. */
  protected abstract String conflictDetail();

  @Override
  public ResourceKind kind() {
    return kind;
  }

  @Override
  public ResourceView get(String id, Projection projection, ResourceLocation location)
      throws ScimException {
    return database.read(handle -> view(handle, find(handle, id), projection, location));
  }

  @Override
  public ListResult list(ListQuery query, ResourceLocation location) throws ScimException {
    return database.read(
        handle -> new ResourceLister<>(kind, table, renderer(location)).list(handle, query));
  }

  @Override
  public void delete(String id, String ifMatch, Caller caller) throws ScimException {
    write(
        handle -> {
          deleteIn(handle, id, ifMatch, caller);
          return null;
        });
  }

  /** A delete's transaction. */
  protected final void deleteIn(Handle handle, String id, String ifMatch, Caller caller)
      throws ScimException {
    R current = find(handle, id);
    Preconditions.requireMatch(ifMatch, current.version());
    Runnable afterwards = prepareDelete(handle, current, caller);
    deleting(handle, current, caller);
    deleteRow(handle, id);
    afterwards.run();
  }

  /** Told, in a delete's transaction, that {@code row} goes now (the catalogue records it). */
  protected void deleting(Handle handle, R row, Caller caller) {}

  /**
   * Work a delete does in its transaction before the row goes (release what it holds); returns the
   * work to do once it is gone (resolve the users it affected).
   */
  protected Runnable prepareDelete(Handle handle, R row, Caller caller) throws ScimException {
    return () -> {};
  }

  /** Adds what is computed rather than stored (licensing state, bound templates). */
  protected void renderComputed(Handle handle, R row, ObjectNode resource) {}

  protected final R find(Handle handle, String id) throws ResourceNotFoundException {
    return findRow(handle, id)
        .orElseThrow(
            () -> new ResourceNotFoundException(kind.name() + " " + id + " does not exist"));
  }

  protected final <T> T write(Database.HandleWork<T, ScimException> work) throws ScimException {
    return refusingDuplicates(() -> database.write(work));
  }

  /** As {@link #write}, rolled back: what the work would return (see Database#rehearse). */
  protected final <T> T rehearse(Database.HandleWork<T, ScimException> work) throws ScimException {
    return refusingDuplicates(() -> database.rehearse(work));
  }

  private <T> T refusingDuplicates(StoreCall<T> call) throws ScimException {
    try {
      return call.run();
    } catch (RuntimeException e) {
      if (UniqueConstraint.violated(e)) {
        throw UniqueConstraint.conflict(conflictDetail());
      }
      throw e;
    }
  }

  @FunctionalInterface
  private interface StoreCall<T> {
    T run() throws ScimException;
  }

  protected final ResourceView view(
      Handle handle, R row, Projection projection, ResourceLocation location) {
    ObjectNode resource = renderer(location).render(handle, row, projection.includes(relation()));
    return new ResourceView(projection.apply(resource), location.of(kind, row.id()), row.version());
  }

  private RowRenderer<R> renderer(ResourceLocation location) {
    return new RowRenderer<>() {
      @Override
      public String id(R row) {
        return row.id();
      }

      @Override
      public ObjectNode render(Handle handle, R row, boolean withRelation) {
        ObjectNode resource =
            Representation.of(
                kind,
                row.id(),
                Representation.parseBody(row.body()),
                row.created(),
                row.lastModified(),
                row.version(),
                location);
        renderComputed(handle, row, resource);
        if (withRelation) {
          renderRelation(handle, row, resource, location);
        }
        return resource;
      }

      @Override
      public String relation() {
        return StoredResourceService.this.relation();
      }
    };
  }
}
