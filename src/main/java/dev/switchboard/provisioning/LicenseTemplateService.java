package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOperation;
import dev.switchboard.licensing.InvalidLicenseValueException;
import dev.switchboard.licensing.Tier;
import dev.switchboard.scim.PatchReader;
import dev.switchboard.scim.Representation;
import dev.switchboard.scim.ResourceConformer;
import dev.switchboard.scim.ResourceKind;
import dev.switchboard.store.AdminRow;
import dev.switchboard.store.CallingPackageDao;
import dev.switchboard.store.CaselessKey;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.GroupDao;
import dev.switchboard.store.ResourceTable;
import dev.switchboard.store.SiteDao;
import dev.switchboard.store.TemplateDao;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * /LicenseTemplates: what membership of a group grants. Every write re-resolves, in its own
 * transaction, the members of the group the template bound to before and binds to after.
 * Thread-safe.
 */
public final class LicenseTemplateService extends CatalogueService implements WritePreviews {
  private static final long DEFAULT_PRECEDENCE = 100;
  private final AuditTrail audit;

  LicenseTemplateService(
      Database database,
      ResourceKind kind,
      ResourceConformer conformer,
      Clock clock,
      ContactCenterLicensing licensing,
      AuditTrail audit) {
    super(database, kind, ResourceTable.LICENSE_TEMPLATES, conformer, clock, licensing);
    this.audit = audit;
  }

  @Override
  public Optional<WritePreviews> previews() {
    return Optional.of(this);
  }

  @Override
  public TemplatePreview previewCreate(ObjectNode input, Caller caller) throws ScimException {
    ObjectNode body = canonical(input);
    return preview(handle -> createIn(handle, body, caller));
  }

  @Override
  public TemplatePreview previewReplace(String id, ObjectNode input, String ifMatch, Caller caller)
      throws ScimException {
    ObjectNode body = canonical(input);
    return preview(handle -> replaceIn(handle, id, body, ifMatch, caller));
  }

  @Override
  public TemplatePreview previewPatch(String id, ObjectNode request, String ifMatch, Caller caller)
      throws ScimException {
    List<PatchOperation> operations = PatchReader.read(kind, request);
    return preview(handle -> patchIn(handle, id, operations, ifMatch, caller));
  }

  @Override
  public TemplatePreview previewDelete(String id, String ifMatch, Caller caller)
      throws ScimException {
    return preview(
        handle -> {
          deleteIn(handle, id, ifMatch, caller);
          return null;
        });
  }

  private TemplatePreview preview(Database.HandleWork<?, ScimException> write)
      throws ScimException {
    return rehearse(handle -> TemplatePreview.of(audit.recording(handle, write)));
  }

  /** A template's columns, derived from its canonical body. */
  private record Template(
      String name, String groupId, String groupDisplay, String contactCenter, long precedence) {
    String groupDisplayKey() {
      return groupId == null ? CaselessKey.of(groupDisplay) : null;
    }
  }

  @Override
  protected void save(Handle handle, String id, AdminRow current, ObjectNode body, Caller caller)
      throws ScimException {
    ObjectNode before = current == null ? null : Representation.parseBody(current.body());
    if (body.equals(before)) {
      return; // nothing changed: no new version, nobody to resolve
    }
    Template after = columns(body);
    validate(handle, after, body, id);
    Set<String> affected = new LinkedHashSet<>();
    TemplateDao templates = Daos.attach(handle, TemplateDao.class);
    long now = clock.millis();
    if (current == null) {
      templates.insert(
          id,
          after.name(),
          CaselessKey.of(after.name()),
          after.groupId(),
          after.groupDisplayKey(),
          after.contactCenter(),
          after.precedence(),
          now,
          now,
          1,
          Representation.bodyText(body));
    } else {
      affected.addAll(membersOf(handle, columns(before)));
      templates.update(
          id,
          after.name(),
          CaselessKey.of(after.name()),
          after.groupId(),
          after.groupDisplayKey(),
          after.contactCenter(),
          after.precedence(),
          now,
          current.version() + 1,
          Representation.bodyText(body));
    }
    affected.addAll(membersOf(handle, after));
    String reason = reason(after, current == null ? "created" : "changed");
    if (grantsPhone(body) || before != null && grantsPhone(before)) {
      licensing.resolve(handle, affected, reason, caller);
    } else {
      licensing.resolveContactCenter(handle, affected, reason, caller);
    }
  }

  @Override
  protected Runnable prepareDelete(Handle handle, AdminRow row, Caller caller) {
    ObjectNode body = Representation.parseBody(row.body());
    Template template = columns(body);
    List<String> members = membersOf(handle, template);
    String reason = reason(template, "deleted");
    return grantsPhone(body)
        ? () -> licensing.resolve(handle, members, reason, caller)
        : () -> licensing.resolveContactCenter(handle, members, reason, caller);
  }

  /** A template that names nothing of the phone takes no part in any user's phone resolution. */
  private static boolean grantsPhone(ObjectNode body) {
    return body.path("phone").asBoolean(false)
        || !body.path("callingPackage").asText("").isBlank()
        || !body.path("site").asText("").isBlank();
  }

  @Override
  protected Optional<AdminRow> findRow(Handle handle, String id) {
    return Daos.attach(handle, TemplateDao.class).find(id);
  }

  @Override
  protected void deleteRow(Handle handle, String id) {
    Daos.attach(handle, TemplateDao.class).delete(id);
  }

  /** A template bound by id shows its group's current name. */
  @Override
  protected void renderComputed(Handle handle, AdminRow row, ObjectNode resource) {
    JsonNode group = resource.get("group");
    if (group != null && group.hasNonNull("value")) {
      Daos.attach(handle, GroupDao.class)
          .find(group.get("value").asText())
          .ifPresent(g -> ((ObjectNode) group).put("display", g.displayName()));
    }
  }

  @Override
  protected String conflictDetail() {
    return "a template of that name exists";
  }

  /** The conformed body with defaults filled and values in canonical spelling. */
  @Override
  protected ObjectNode canonical(ObjectNode input) throws BadRequestException {
    ObjectNode body = conformer.conform(kind, input);
    try {
      body.put("contactCenter", Tier.parse(body.path("contactCenter").asText("none")).wireName());
    } catch (InvalidLicenseValueException e) {
      throw BadRequestException.invalidValue(e.getMessage().replace("license", "contactCenter"));
    }
    if (!body.has("precedence")) {
      body.put("precedence", DEFAULT_PRECEDENCE);
    }
    if (!body.has("phone")) {
      body.put("phone", false);
    }
    JsonNode group = body.path("group");
    String value = group.path("value").asText("").trim();
    String display = group.path("display").asText("").trim();
    if (value.isEmpty() && display.isEmpty()) {
      throw BadRequestException.invalidValue(
          "group needs a value (the group's id) or a display (the group's displayName)");
    }
    ObjectNode canonicalGroup = body.putObject("group");
    if (!value.isEmpty()) {
      canonicalGroup.put("value", value);
    } else {
      canonicalGroup.put("display", display);
    }
    return body;
  }

  private static Template columns(ObjectNode body) {
    JsonNode group = body.path("group");
    return new Template(
        body.path("name").asText(),
        group.hasNonNull("value") ? group.get("value").asText() : null,
        group.hasNonNull("display") ? group.get("display").asText() : null,
        body.path("contactCenter").asText("none"),
        body.path("precedence").asLong(DEFAULT_PRECEDENCE));
  }

  private static void validate(Handle handle, Template template, ObjectNode body, String selfId)
      throws ScimException {
    String callingPackage = body.path("callingPackage").asText("");
    if (!callingPackage.isBlank()
        && Daos.attach(handle, CallingPackageDao.class)
            .idByNameKey(CaselessKey.of(callingPackage))
            .isEmpty()) {
      throw BadRequestException.invalidValue(
          "callingPackage '" + callingPackage + "' is not in /CallingPackages");
    }
    String site = body.path("site").asText("");
    if (!site.isBlank()
        && Daos.attach(handle, SiteDao.class).byNameKey(CaselessKey.of(site)).isEmpty()) {
      throw BadRequestException.invalidValue("site '" + site + "' is not in /Sites");
    }
    Optional<String> holder =
        Daos.attach(handle, TemplateDao.class).idByNameKey(CaselessKey.of(template.name()));
    if (holder.isPresent() && !holder.get().equals(selfId)) {
      throw UniqueConstraint.conflict(
          "a template named '" + template.name() + "' exists (names are unique, ignoring case)");
    }
    if (template.groupId() != null
        && Daos.attach(handle, GroupDao.class).find(template.groupId()).isEmpty()) {
      throw BadRequestException.invalidValue(
          "group.value "
              + template.groupId()
              + " is no group; name the group by display to bind it before the IdP creates it");
    }
  }

  private static List<String> membersOf(Handle handle, Template template) {
    return Daos.attach(handle, TemplateDao.class)
        .membersBoundBy(template.groupId(), template.groupDisplayKey(), template.groupId() == null);
  }

  private static String reason(Template template, String what) {
    return "template:" + template.name() + " " + what;
  }
}
