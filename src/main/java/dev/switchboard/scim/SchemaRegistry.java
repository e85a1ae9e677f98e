package dev.switchboard.scim;

import com.fasterxml.jackson.databind.ObjectReader;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The schemas Switchboard serves: RFC 7643 core User, Group and enterprise User, plus our
 * extensions from {@code schemas/*.json}. Answers "which attribute does this path name". Immutable
 * and thread-safe once built.
 */
public final class SchemaRegistry {
  private final ResourceKind users;
  private final ResourceKind groups;
  private final ResourceKind licenseTemplates;
  private final ResourceKind seatPools;
  private final ResourceKind auditEvents;
  private final ResourceKind sites;
  private final ResourceKind callingPackages;
  private final ResourceKind phoneNumbers;
  private final ResourceKind webhooks;

  private SchemaRegistry(
      ResourceKind users,
      ResourceKind groups,
      ResourceKind licenseTemplates,
      ResourceKind seatPools,
      ResourceKind auditEvents,
      ResourceKind sites,
      ResourceKind callingPackages,
      ResourceKind phoneNumbers,
      ResourceKind webhooks) {
    this.sites = sites;
    this.webhooks = webhooks;
    this.callingPackages = callingPackages;
    this.phoneNumbers = phoneNumbers;
    this.users = users;
    this.groups = groups;
    this.licenseTemplates = licenseTemplates;
    this.seatPools = seatPools;
    this.auditEvents = auditEvents;
  }

  /** Loads the schema files bundled in the jar. */
  public static SchemaRegistry load() {
    SchemaResource user = read("schemas/core/User.json");
    SchemaResource group = read("schemas/core/Group.json");
    SchemaResource enterprise = read("schemas/core/EnterpriseUser.json");
    SchemaResource contactCenter = read("schemas/extensions/ContactCenterUser.json");
    SchemaResource phone = read("schemas/extensions/PhoneUser.json");
    SchemaResource licensing = read("schemas/extensions/LicensingGroup.json");
    return new SchemaRegistry(
        new ResourceKind(
            "User", "/Users", "User Account", user, List.of(enterprise, contactCenter, phone)),
        new ResourceKind("Group", "/Groups", "Group", group, List.of(licensing)),
        adminKind("LicenseTemplate", "/LicenseTemplates", "What group membership grants"),
        adminKind("SeatPool", "/SeatPools", "Paid seats of one tier"),
        adminKind("AuditEvent", "/AuditEvents", "One change of a user's licenses"),
        adminKind("Site", "/Sites", "A place users belong to, with its extension numbers"),
        adminKind("CallingPackage", "/CallingPackages", "An outbound calling package"),
        adminKind("PhoneNumber", "/PhoneNumbers", "A direct number of the inventory"),
        adminKind("Webhook", "/Webhooks", "An endpoint the event stream is sent to"));
  }

  private static ResourceKind adminKind(String name, String endpoint, String description) {
    return new ResourceKind(
        name, endpoint, description, read("schemas/extensions/" + name + ".json"), List.of());
  }

  public ResourceKind licenseTemplates() {
    return licenseTemplates;
  }

  public ResourceKind seatPools() {
    return seatPools;
  }

  public ResourceKind auditEvents() {
    return auditEvents;
  }

  public ResourceKind sites() {
    return sites;
  }

  public ResourceKind callingPackages() {
    return callingPackages;
  }

  public ResourceKind phoneNumbers() {
    return phoneNumbers;
  }

  public ResourceKind webhooks() {
    return webhooks;
  }

  public ResourceKind users() {
    return users;
  }

  public ResourceKind groups() {
    return groups;
  }

  public List<ResourceKind> kinds() {
    return List.of(
        users,
        groups,
        licenseTemplates,
        seatPools,
        auditEvents,
        sites,
        callingPackages,
        phoneNumbers,
        webhooks);
  }

  /** Every schema served at /Schemas, in a stable order. */
  public List<SchemaResource> allSchemas() {
    return kinds().stream().flatMap(k -> k.schemas().stream()).distinct().toList();
  }

  /**
   * The definition of the attribute a path names, or empty when the path names nothing we know.
   * Attribute names compare case-insensitively (RFC 7643 §2.1); the common attributes {@code id},
   * {@code externalId} and {@code meta} are known for every kind.
   */
  public static Optional<AttributeDefinition> resolve(ResourceKind kind, Path path) {
    if (path.size() == 0) {
      return Optional.empty();
    }
    Collection<AttributeDefinition> scope;
    if (path.getSchemaUrn() != null) {
      if (path.getSchemaUrn().equalsIgnoreCase(kind.core().getId())) {
        scope = withCommon(kind.core().getAttributes());
      } else {
        Optional<SchemaResource> extension = kind.extension(path.getSchemaUrn());
        if (extension.isEmpty()) {
          return Optional.empty();
        }
        scope = extension.get().getAttributes();
      }
    } else {
      scope = withCommon(kind.core().getAttributes());
    }
    AttributeDefinition found = null;
    for (Path.Element element : path) {
      found = find(scope, element.getAttribute()).orElse(null);
      if (found == null) {
        return Optional.empty();
      }
      scope = found.getSubAttributes() == null ? List.of() : found.getSubAttributes();
    }
    return Optional.ofNullable(found);
  }

  /** The attributes a key without URN can name: the common ones and the core schema's. */
  public static Collection<AttributeDefinition> coreScope(ResourceKind kind) {
    return withCommon(kind.core().getAttributes());
  }

  public static Optional<AttributeDefinition> find(
      Collection<AttributeDefinition> scope, String name) {
    return scope.stream().filter(a -> a.getName().equalsIgnoreCase(name)).findFirst();
  }

  private static Collection<AttributeDefinition> withCommon(
      Collection<AttributeDefinition> attributes) {
    return java.util.stream.Stream.concat(CommonAttributes.ALL.stream(), attributes.stream())
        .toList();
  }

  private static SchemaResource read(String resource) {
    ObjectReader reader = JsonUtils.getObjectReader().forType(SchemaResource.class);
    try (InputStream in = SchemaRegistry.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema missing from the jar: " + resource);
      }
      return reader.readValue(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + resource, e);
    }
  }
}
