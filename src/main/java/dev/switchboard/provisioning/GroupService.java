package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOperation;
import dev.switchboard.scim.MembershipChange;
import dev.switchboard.scim.MembershipPatch;
import dev.switchboard.scim.PatchReader;
import dev.switchboard.scim.Preconditions;
import dev.switchboard.scim.Projection;
import dev.switchboard.scim.Representation;
import dev.switchboard.scim.ResourceConformer;
import dev.switchboard.scim.ResourceFilterEvaluator;
import dev.switchboard.scim.ResourceKind;
import dev.switchboard.scim.ResourceLocation;
import dev.switchboard.scim.ScimUrns;
import dev.switchboard.scim.quirks.MemberValues;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.GroupDao;
import dev.switchboard.store.GroupRow;
import dev.switchboard.store.MembershipDao;
import dev.switchboard.store.ResourceTable;
import dev.switchboard.store.TemplateDao;
import dev.switchboard.store.TemplateRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The /Groups use cases, one transaction each. Members live in their own relation: a PATCH of
 * members changes only the rows it names, and a group PUT without {@code members} keeps them (a
 * rename must not empty a 100k-member group). Thread-safe.
 */
public final class GroupService extends StoredResourceService<GroupRow> {
  private final MembershipWriter memberships;
  private final ContactCenterLicensing licensing;

  GroupService(
      Database database,
      ResourceKind kind,
      ResourceConformer conformer,
      Clock clock,
      ContactCenterLicensing licensing) {
    super(database, kind, ResourceTable.GROUPS, conformer, clock);
    this.memberships = new MembershipWriter(new ResourceFilterEvaluator(kind));
    this.licensing = licensing;
  }

  @Override
  public ResourceView create(
      ObjectNode input, Projection projection, ResourceLocation location, Caller caller)
      throws ScimException {
    Optional<JsonNode> members = takeMembers(input);
    ObjectNode body = conformer.conform(kind, input);
    MembershipChange.Replace initial =
        new MembershipChange.Replace(MemberValues.parse(members.orElse(null)));
    long now = clock.millis();
    GroupRow row = row(UUID.randomUUID().toString(), body, now, now, 1);
    return write(
        handle -> {
          requireUniqueName(handle, row, null);
          Daos.attach(handle, GroupDao.class).insert(row);
          MembershipDelta delta = memberships.apply(handle, row.id(), initial);
          if (hasTemplates(handle, row)) {
            licensing.resolve(handle, delta.added(), groupReason(row, "added"), caller);
          }
          return view(handle, row, projection, location);
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
    Optional<JsonNode> members = takeMembers(input);
    ObjectNode body = conformer.conform(kind, input);
    List<MembershipChange> changes = new ArrayList<>();
    if (members.isPresent()) {
      changes.add(new MembershipChange.Replace(MemberValues.parse(members.get())));
    }
    return write(
        handle -> {
          GroupRow current = find(handle, id);
          Preconditions.requireMatch(ifMatch, current.version());
          return update(handle, current, body, changes, projection, location, caller);
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
    List<PatchOperation> bodyOperations = new ArrayList<>();
    List<MembershipChange> memberChanges = new ArrayList<>();
    for (PatchOperation operation : PatchReader.read(kind, request)) {
      if (MembershipPatch.targetsMembers(operation)) {
        memberChanges.add(MembershipPatch.read(operation));
      } else {
        bodyOperations.add(operation);
      }
    }
    return write(
        handle -> {
          GroupRow current = find(handle, id);
          Preconditions.requireMatch(ifMatch, current.version());
          ObjectNode body =
              bodyOperations.isEmpty()
                  ? Representation.parseBody(current.body())
                  : patcher.apply(kind, Representation.parseBody(current.body()), bodyOperations);
          return update(handle, current, body, memberChanges, projection, location, caller);
        });
  }

  private ResourceView update(
      Handle handle,
      GroupRow current,
      ObjectNode body,
      List<MembershipChange> changes,
      Projection projection,
      ResourceLocation location,
      Caller caller)
      throws ScimException {
    MembershipDelta delta = MembershipDelta.empty();
    for (MembershipChange change : changes) {
      delta = delta.then(memberships.apply(handle, current.id(), change));
    }
    boolean bodyChanged = !body.equals(Representation.parseBody(current.body()));
    if (!bodyChanged && !delta.changed()) {
      return view(handle, current, projection, location);
    }
    GroupRow row =
        row(current.id(), body, current.created(), clock.millis(), current.version() + 1);
    if (bodyChanged) {
      requireUniqueName(handle, row, current.id());
    }
    TemplateDao templates = Daos.attach(handle, TemplateDao.class);
    List<TemplateRef> before = templates.templatesFor(current.id(), current.displayNameKey());
    Daos.attach(handle, GroupDao.class).update(row);
    List<TemplateRef> after = templates.templatesFor(row.id(), row.displayNameKey());
    if (!before.equals(after)) {
      // A rename moved the group into or out of a by-name template: everyone is affected.
      String reason = "group:" + current.displayName() + " renamed to " + row.displayName();
      licensing.resolve(
          handle, Daos.attach(handle, MembershipDao.class).memberIds(row.id()), reason, caller);
      licensing.resolve(handle, delta.removed(), groupReason(row, "removed"), caller);
    } else if (!after.isEmpty()) {
      licensing.resolve(handle, delta.added(), groupReason(row, "added"), caller);
      licensing.resolve(handle, delta.removed(), groupReason(row, "removed"), caller);
    }
    return view(handle, find(handle, row.id()), projection, location);
  }

  @Override
  protected Runnable prepareDelete(Handle handle, GroupRow row, Caller caller) {
    if (!hasTemplates(handle, row)) {
      return () -> {};
    }
    List<String> members = Daos.attach(handle, MembershipDao.class).memberIds(row.id());
    return () -> licensing.resolve(handle, members, groupReason(row, "deleted"), caller);
  }

  @Override
  protected void renderComputed(Handle handle, GroupRow row, ObjectNode resource) {
    List<TemplateRef> templates = Daos.attach(handle, TemplateDao.class).templatesOf(row.id());
    if (templates.isEmpty()) {
      return;
    }
    ArrayNode list = resource.putObject(ScimUrns.LICENSING_GROUP).putArray("templates");
    for (TemplateRef template : templates) {
      list.addObject().put("value", template.id()).put("display", template.name());
    }
    ((ArrayNode) resource.get("schemas")).add(ScimUrns.LICENSING_GROUP);
  }

  private static boolean hasTemplates(Handle handle, GroupRow row) {
    return !Daos.attach(handle, TemplateDao.class)
        .templatesFor(row.id(), row.displayNameKey())
        .isEmpty();
  }

  private static String groupReason(GroupRow group, String what) {
    return "group:" + group.displayName() + " " + what;
  }

  /** Removes and returns the {@code members} attribute, which the relation stores. */
  private static Optional<JsonNode> takeMembers(ObjectNode input) {
    for (Iterator<String> names = input.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equalsIgnoreCase("members")) {
        JsonNode members = input.get(name);
        names.remove();
        return Optional.of(members);
      }
    }
    return Optional.empty();
  }

  private static void requireUniqueName(Handle handle, GroupRow row, String selfId)
      throws ScimException {
    Optional<String> holder =
        Daos.attach(handle, GroupDao.class).idByDisplayNameKey(row.displayNameKey());
    if (holder.isPresent() && !holder.get().equals(selfId)) {
      throw UniqueConstraint.conflict(
          "displayName '"
              + row.displayName()
              + "' is already taken by another group (group names are unique, ignoring case)");
    }
  }

  private static GroupRow row(
      String id, ObjectNode body, long created, long modified, long version) {
    JsonNode externalId = body.get("externalId");
    return new GroupRow(
        id,
        body.path("displayName").asText(),
        externalId == null ? null : externalId.asText(),
        created,
        modified,
        version,
        Representation.bodyText(body));
  }

  @Override
  protected Optional<GroupRow> findRow(Handle handle, String id) {
    return Daos.attach(handle, GroupDao.class).find(id);
  }

  @Override
  protected void deleteRow(Handle handle, String id) {
    Daos.attach(handle, GroupDao.class).delete(id);
  }

  @Override
  protected String relation() {
    return "members";
  }

  @Override
  protected void renderRelation(
      Handle handle, GroupRow row, ObjectNode resource, ResourceLocation location) {
    GroupMembers.render(handle, row.id(), resource, location);
  }

  @Override
  protected String conflictDetail() {
    return "displayName is already taken by another group";
  }
}
