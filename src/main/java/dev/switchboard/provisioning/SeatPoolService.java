package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.MethodNotAllowedException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.licensing.SeatPoolId;
import dev.switchboard.scim.ListQuery;
import dev.switchboard.scim.PatchApplier;
import dev.switchboard.scim.PatchReader;
import dev.switchboard.scim.Preconditions;
import dev.switchboard.scim.Projection;
import dev.switchboard.scim.Representation;
import dev.switchboard.scim.ResourceConformer;
import dev.switchboard.scim.ResourceFilterEvaluator;
import dev.switchboard.scim.ResourceKind;
import dev.switchboard.scim.ResourceLocation;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.SeatPoolDao;
import dev.switchboard.store.SeatPoolRow;
import dev.switchboard.store.UserDao;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * /SeatPools: the three fixed pools, their capacity (the only thing an admin changes), seats in use
 * and users waiting. Raising a capacity serves the oldest pending users at once. Thread-safe.
 */
public final class SeatPoolService implements ResourceService {
  private final Database database;
  private final ResourceKind kind;
  private final ResourceConformer conformer;
  private final PatchApplier patcher;
  private final ResourceFilterEvaluator evaluator;
  private final ContactCenterLicensing licensing;
  private final ConfigChangeLog changes;

  SeatPoolService(
      Database database,
      ResourceKind kind,
      ResourceConformer conformer,
      ContactCenterLicensing licensing,
      ConfigChangeLog changes) {
    this.database = database;
    this.kind = kind;
    this.conformer = conformer;
    this.patcher = new PatchApplier(conformer);
    this.evaluator = new ResourceFilterEvaluator(kind);
    this.licensing = licensing;
    this.changes = changes;
  }

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
        handle -> {
          List<ObjectNode> matches = new ArrayList<>();
          for (SeatPoolRow row : Daos.attach(handle, SeatPoolDao.class).all()) {
            ObjectNode pool = render(handle, row, location);
            if (query.filter() == null || evaluator.matches(query.filter(), pool)) {
              matches.add(query.projection().apply(pool));
            }
          }
          int from = Math.min(matches.size(), query.startIndex() - 1);
          int to = Math.min(matches.size(), from + query.count());
          return new ListResult(matches.size(), query.startIndex(), matches.subList(from, to));
        });
  }

  /** Every pool's capacity, seats in use and users waiting, read in one snapshot. */
  public List<SeatPoolUsage> usage() {
    return database.read(
        handle ->
            Daos.attach(handle, SeatPoolDao.class).all().stream()
                .map(
                    row ->
                        new SeatPoolUsage(
                            row.id(), row.capacity(), row.inUse(), pending(handle, row)))
                .toList());
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
    ObjectNode body = conformer.conform(kind, input);
    return database.write(
        handle -> {
          SeatPoolRow current = find(handle, id);
          Preconditions.requireMatch(ifMatch, current.version());
          return setCapacity(
              handle, current, body, ConfigAction.REPLACED, projection, location, caller);
        });
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
    return database.write(
        handle -> {
          SeatPoolRow current = find(handle, id);
          Preconditions.requireMatch(ifMatch, current.version());
          ObjectNode body = patcher.apply(kind, capacityBody(current), operations);
          return setCapacity(
              handle, current, body, ConfigAction.MODIFIED, projection, location, caller);
        });
  }

  @Override
  public ResourceView create(
      ObjectNode input, Projection projection, ResourceLocation location, Caller caller)
      throws ScimException {
    throw fixed();
  }

  @Override
  public void delete(String id, String ifMatch, Caller caller) throws ScimException {
    throw fixed();
  }

  private ResourceView setCapacity(
      Handle handle,
      SeatPoolRow current,
      ObjectNode body,
      ConfigAction action,
      Projection projection,
      ResourceLocation location,
      Caller caller)
      throws ScimException {
    Long capacity = body.hasNonNull("capacity") ? body.get("capacity").asLong() : null;
    if (capacity != null && capacity < 0) {
      throw BadRequestException.invalidValue("capacity cannot be negative");
    }
    SeatPoolDao pools = Daos.attach(handle, SeatPoolDao.class);
    if (!java.util.Objects.equals(capacity, current.capacity())) {
      if (pools.setCapacity(current.id(), capacity) == 0) {
        throw BadRequestException.invalidValue(
            current.inUse()
                + " seats of "
                + current.id()
                + " are in use; capacity cannot go below that. Remove licenses first.");
      }
      licensing.serve(handle, Set.of(SeatPoolId.parse(current.id()).orElseThrow()), caller);
      licensing.servePhone(handle, caller);
      changes.record(
          handle,
          caller,
          new ConfigChangeLog.Change(
              ConfigResourceType.SEAT_POOL,
              current.id(),
              current.id(),
              action,
              capacityOf(current.capacity()),
              capacityOf(capacity)));
    }
    return view(handle, find(handle, current.id()), projection, location);
  }

  private SeatPoolRow find(Handle handle, String id) throws ResourceNotFoundException {
    return Daos.attach(handle, SeatPoolDao.class)
        .find(id)
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "No seat pool "
                        + id
                        + "; the pools are contactCenter.standard, contactCenter.premium and"
                        + " phone.licensed"));
  }

  private ResourceView view(
      Handle handle, SeatPoolRow row, Projection projection, ResourceLocation location) {
    return new ResourceView(
        projection.apply(render(handle, row, location)),
        location.of(kind, row.id()),
        row.version());
  }

  private ObjectNode render(Handle handle, SeatPoolRow row, ResourceLocation location) {
    ObjectNode body = capacityBody(row);
    body.put("inUse", row.inUse());
    body.put("pending", pending(handle, row));
    ObjectNode pool = Representation.of(kind, row.id(), body, 0, 0, row.version(), location);
    ObjectNode meta = (ObjectNode) pool.get("meta");
    meta.remove("created"); // pools exist from the first start; they have no history of their own
    meta.remove("lastModified");
    return pool;
  }

  private static long pending(Handle handle, SeatPoolRow row) {
    return SeatPoolId.parse(row.id()).map(pool -> pending(handle, pool)).orElse(0L);
  }

  /** How many users wait for a seat of {@code pool}. */
  static long pending(Handle handle, SeatPoolId pool) {
    UserDao users = Daos.attach(handle, UserDao.class);
    return pool.tier()
        .map(tier -> users.pendingCount(tier.wireName()))
        .orElseGet(users::phoneSeatPendingCount);
  }

  /** A pool as its change log shows it: only what an admin sets. */
  private static ObjectNode capacityOf(Long capacity) {
    ObjectNode pool = JsonUtils.getJsonNodeFactory().objectNode();
    if (capacity != null) {
      pool.put("capacity", capacity);
    }
    return pool;
  }

  private ObjectNode capacityBody(SeatPoolRow row) {
    ObjectNode body = JsonUtils.getJsonNodeFactory().objectNode();
    body.putArray("schemas").add(kind.core().getId());
    if (row.capacity() != null) {
      body.put("capacity", row.capacity());
    }
    return body;
  }

  private static MethodNotAllowedException fixed() {
    return new MethodNotAllowedException(
        "The seat pools are fixed; change a pool's capacity with PUT or PATCH");
  }
}
