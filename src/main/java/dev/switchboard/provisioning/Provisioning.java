package dev.switchboard.provisioning;

import dev.switchboard.scim.ResourceConformer;
import dev.switchboard.scim.SchemaRegistry;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.util.List;

/**
 * Builds the use cases over one store: the one place that knows how they share licensing and the
 * audit trail. Immutable and thread-safe.
 */
public final class Provisioning {
  private final UserService users;
  private final GroupService groups;
  private final LicenseTemplateService licenseTemplates;
  private final SeatPoolService seatPools;
  private final AuditEventService auditEvents;
  private final TokenService tokens;

  public Provisioning(Database database, SchemaRegistry schemas, Clock clock) {
    ResourceConformer conformer = new ResourceConformer();
    ContactCenterLicensing licensing = new ContactCenterLicensing(clock, new AuditTrail(clock));
    this.users = new UserService(database, schemas.users(), conformer, clock, licensing);
    this.groups = new GroupService(database, schemas.groups(), conformer, clock, licensing);
    this.licenseTemplates =
        new LicenseTemplateService(
            database, schemas.licenseTemplates(), conformer, clock, licensing);
    this.seatPools = new SeatPoolService(database, schemas.seatPools(), conformer, licensing);
    this.auditEvents = new AuditEventService(database, schemas.auditEvents(), conformer, clock);
    this.tokens = new TokenService(database, clock);
  }

  public UserService users() {
    return users;
  }

  public GroupService groups() {
    return groups;
  }

  public LicenseTemplateService licenseTemplates() {
    return licenseTemplates;
  }

  public SeatPoolService seatPools() {
    return seatPools;
  }

  public AuditEventService auditEvents() {
    return auditEvents;
  }

  public TokenService tokens() {
    return tokens;
  }

  /** The root {@code /.search}: over the resource types an IdP pushes. */
  public RootSearch rootSearch() {
    return new RootSearch(List.of(users, groups));
  }
}
