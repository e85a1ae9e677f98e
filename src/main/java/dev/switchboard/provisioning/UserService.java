package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import dev.switchboard.store.CaselessKey;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.GroupRef;
import dev.switchboard.store.MembershipDao;
import dev.switchboard.store.ResourceTable;
import dev.switchboard.store.UserDao;
import dev.switchboard.store.UserRow;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/** The /Users use cases, one transaction each. Thread-safe. */
public final class UserService extends StoredResourceService<UserRow> {
  private final ContactCenterLicensing licensing;
  private final EventOutbox outbox;

  UserService(
      Database database,
      ResourceKind kind,
      ResourceConformer conformer,
      Clock clock,
      ContactCenterLicensing licensing,
      EventOutbox outbox) {
    super(database, kind, ResourceTable.USERS, conformer, clock);
    this.licensing = licensing;
    this.outbox = outbox;
  }

  @Override
  public ResourceView create(
      ObjectNode input, Projection projection, ResourceLocation location, Caller caller)
      throws ScimException {
    ObjectNode body = conformer.conform(kind, input);
    ContactCenterInput.AgentId agentId = ContactCenterInput.normalize(body);
    if (!body.has("active")) {
      body.put("active", true); // a provisioned user is active unless the IdP says otherwise
    }
    long now = clock.millis();
    UserRow row = row(UUID.randomUUID().toString(), body, now, now, 1);
    return write(
        handle -> {
          requireUniqueUserName(handle, row, null);
          PhoneInput.validate(handle, row.id(), body);
          Daos.attach(handle, UserDao.class).insert(row);
          indexEmails(handle, row.id(), body);
          setAgentId(handle, row, agentId, caller);
          licensing.resolve(handle, List.of(row.id()), UserChange.creation(body), caller);
          return resolvedView(handle, row.id(), emptyBody(), body, projection, location);
        });
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
    ContactCenterInput.AgentId agentId = ContactCenterInput.normalize(body);
    return write(
        handle -> {
          UserRow current = find(handle, id);
          Preconditions.requireMatch(ifMatch, current.version());
          if (!body.has("active")) {
            body.put("active", current.active()); // an omitted active never deactivates
          }
          return update(handle, current, body, agentId, projection, location, caller);
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
    return write(
        handle -> {
          UserRow current = find(handle, id);
          Preconditions.requireMatch(ifMatch, current.version());
          ObjectNode before = Representation.parseBody(current.body());
          ContactCenterInput.expose(before, current.agentId());
          ObjectNode body = patcher.apply(kind, before, operations);
          ContactCenterInput.AgentId agentId = ContactCenterInput.normalize(body);
          if (!agentId.given() && current.agentId() != null) {
            agentId = new ContactCenterInput.AgentId(true, null); // the PATCH removed it
          }
          return update(handle, current, body, agentId, projection, location, caller);
        });
  }

  @Override
  protected Optional<UserRow> findRow(Handle handle, String id) {
    return UserDao.find(handle, id);
  }

  @Override
  protected void deleteRow(Handle handle, String id) {
    Daos.attach(handle, UserDao.class).delete(id);
  }

  @Override
  protected Runnable prepareDelete(Handle handle, UserRow row, Caller caller) {
    licensing.releaseForDeletion(handle, row, caller);
    outbox.changed(
        handle,
        EventType.DEPROVISIONED,
        row.id(),
        row.userName(),
        "user",
        row.active() ? "active" : "inactive",
        "deleted",
        "deleted",
        caller);
    return () -> {};
  }

  @Override
  protected void renderComputed(Handle handle, UserRow row, ObjectNode resource) {
    ContactCenterView.render(row, resource);
    PhoneView.render(handle, row, resource);
  }

  @Override
  protected String relation() {
    return "groups";
  }

  @Override
  protected void renderRelation(
      Handle handle, UserRow row, ObjectNode resource, ResourceLocation location) {
    List<GroupRef> groups = MembershipDao.groupsOf(handle, row.id());
    if (groups.isEmpty()) {
      return;
    }
    ArrayNode array = resource.putArray("groups");
    for (GroupRef group : groups) {
      ObjectNode g = array.addObject();
      g.put("value", group.id());
      g.put("$ref", location.of("/Groups/" + group.id()));
      g.put("display", group.displayName());
      g.put("type", "direct");
    }
  }

  @Override
  protected String conflictDetail() {
    return "userName is already taken by another user";
  }

  private ResourceView update(
      Handle handle,
      UserRow current,
      ObjectNode body,
      ContactCenterInput.AgentId agentId,
      Projection projection,
      ResourceLocation location,
      Caller caller)
      throws ScimException {
    ObjectNode stored = Representation.parseBody(current.body());
    UserRow resolved = store(handle, current, body, agentId, caller);
    if (resolved != current) {
      PhoneInput.requirePackageForNewDirectNumbers(stored, body, resolved.phonePackage());
    }
    return view(handle, resolved, projection, location);
  }

  /**
   * Applies {@code edit} to the stored body of {@code current} in the caller's transaction, as a
   * PUT of the result would (a CSV import row). Returns the user after resolution; {@code current}
   * itself when nothing changed. Direct numbers it adds are not checked against the calling
   * package: the caller does.
   */
  UserRow edit(Handle handle, UserRow current, Consumer<ObjectNode> edit, Caller caller)
      throws ScimException {
    ObjectNode body = Representation.parseBody(current.body());
    edit.accept(body);
    body = conformer.conform(kind, body);
    return store(handle, current, body, ContactCenterInput.normalize(body), caller);
  }

  /** Stores a new version and resolves licensing, unless nothing changed (then: current). */
  private UserRow store(
      Handle handle,
      UserRow current,
      ObjectNode body,
      ContactCenterInput.AgentId agentId,
      Caller caller)
      throws ScimException {
    ObjectNode stored = Representation.parseBody(current.body());
    boolean agentIdChanged =
        agentId.given() && !java.util.Objects.equals(agentId.value(), current.agentId());
    if (body.equals(stored) && !agentIdChanged) {
      return current; // nothing changed: no new version
    }
    UserRow row = row(current.id(), body, current.created(), clock.millis(), current.version() + 1);
    requireUniqueUserName(handle, row, current.id());
    PhoneInput.validate(handle, current.id(), body);
    Daos.attach(handle, UserDao.class).update(row);
    indexEmails(handle, row.id(), body);
    if (agentIdChanged) {
      setAgentId(handle, current, agentId, caller);
    }
    licensing.resolve(handle, List.of(row.id()), UserChange.reason(stored, body), caller);
    return find(handle, row.id());
  }

  /** The view after resolution, refusing direct numbers the user has no calling package for. */
  private ResourceView resolvedView(
      Handle handle,
      String id,
      ObjectNode before,
      ObjectNode body,
      Projection projection,
      ResourceLocation location)
      throws ScimException {
    UserRow resolved = find(handle, id);
    PhoneInput.requirePackageForNewDirectNumbers(before, body, resolved.phonePackage());
    return view(handle, resolved, projection, location);
  }

  /** Stores an agent id the request gave; one held by another user is a 409. */
  private void setAgentId(
      Handle handle, UserRow user, ContactCenterInput.AgentId agentId, Caller caller)
      throws ScimException {
    if (!agentId.given()) {
      return;
    }
    UserDao users = Daos.attach(handle, UserDao.class);
    if (agentId.value() != null) {
      Optional<String> holder = users.idByAgentId(agentId.value());
      if (holder.isPresent() && !holder.get().equals(user.id())) {
        throw UniqueConstraint.conflict(
            "agentId " + agentId.value() + " is already held by another user");
      }
    }
    licensing.assignAgentId(handle, find(handle, user.id()), agentId.value(), caller);
  }

  private static void requireUniqueUserName(Handle handle, UserRow row, String selfId)
      throws ScimException {
    Optional<String> holder = Daos.attach(handle, UserDao.class).idByUserNameKey(row.userNameKey());
    if (holder.isPresent() && !holder.get().equals(selfId)) {
      throw UniqueConstraint.conflict(
          "userName '"
              + row.userName()
              + "' is already taken by another user (userName is unique, ignoring case)");
    }
  }

  private static void indexEmails(Handle handle, String id, ObjectNode body) {
    Set<String> keys = new LinkedHashSet<>();
    for (JsonNode email : body.path("emails")) {
      if (email.path("value").isTextual()) {
        keys.add(CaselessKey.of(email.path("value").textValue()));
      }
    }
    UserDao users = Daos.attach(handle, UserDao.class);
    users.deleteEmails(id);
    if (!keys.isEmpty()) {
      users.insertEmails(id, keys);
    }
  }

  private static ObjectNode emptyBody() {
    return com.unboundid.scim2.common.utils.JsonUtils.getJsonNodeFactory().objectNode();
  }

  private static UserRow row(
      String id, ObjectNode body, long created, long modified, long version) {
    return UserRow.unresolved(
        id,
        body.path("userName").asText(),
        text(body, "externalId"),
        text(body, "displayName"),
        body.path("active").asBoolean(true),
        created,
        modified,
        version,
        Representation.bodyText(body));
  }

  private static String text(ObjectNode body, String name) {
    JsonNode value = body.get(name);
    return value == null || value.isNull() ? null : value.asText();
  }
}
