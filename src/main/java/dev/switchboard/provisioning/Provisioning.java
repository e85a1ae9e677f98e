package dev.switchboard.provisioning;

import dev.switchboard.mail.MailSettings;
import dev.switchboard.mail.Mailer;
import dev.switchboard.mail.SmtpMailer;
import dev.switchboard.mail.WelcomeTemplates;
import dev.switchboard.scim.ResourceConformer;
import dev.switchboard.scim.SchemaRegistry;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.util.List;

/**
 * Builds the use cases over one store: the one place that knows how they share licensing and the
 * audit trail. Immutable and thread-safe.
 */
public final class Provisioning implements AutoCloseable {
  private final UserService users;
  private final GroupService groups;
  private final LicenseTemplateService licenseTemplates;
  private final SeatPoolService seatPools;
  private final AuditEventService auditEvents;
  private final TokenService tokens;
  private final SiteService sites;
  private final CallingPackageService callingPackages;
  private final PhoneNumberService phoneNumbers;
  private final ContactCenterLicensing licensing;
  private final Database database;
  private final CsvImports imports;
  private final dev.switchboard.scim.ResourceKind usersKind;
  private final Clock clock;
  private final OAuthClientService oauthClients;
  private final AccessTokens accessTokens;
  private final MailOutbox mailOutbox;
  private final WebhookService webhooks;

  public Provisioning(Database database, SchemaRegistry schemas, Clock clock) {
    this(database, schemas, clock, TokenLifetime.DEFAULT, MailSettings.OFF);
  }

  /**
   * As above, issuing OAuth access tokens that live {@code tokenLifetime} and sending welcome
   * emails as {@code mail} says (its templates are loaded, and checked, now).
   */
  public Provisioning(
      Database database,
      SchemaRegistry schemas,
      Clock clock,
      TokenLifetime tokenLifetime,
      MailSettings mail) {
    ResourceConformer conformer = new ResourceConformer();
    EventOutbox outbox = new EventOutbox(clock);
    AuditTrail audit = new AuditTrail(clock, outbox);
    WelcomeMail welcome = new WelcomeMail(clock, mail.enabled());
    ContactCenterLicensing licensing =
        new ContactCenterLicensing(
            clock, audit, new PhoneLicensingEngine(clock, audit, welcome), welcome);
    this.licensing = licensing;
    this.database = database;
    this.usersKind = schemas.users();
    this.clock = clock;
    this.users = new UserService(database, schemas.users(), conformer, clock, licensing, outbox);
    this.groups = new GroupService(database, schemas.groups(), conformer, clock, licensing);
    this.licenseTemplates =
        new LicenseTemplateService(
            database, schemas.licenseTemplates(), conformer, clock, licensing, audit);
    this.seatPools =
        new SeatPoolService(
            database, schemas.seatPools(), conformer, licensing, new ConfigChangeLog(clock));
    this.auditEvents = new AuditEventService(database, schemas.auditEvents(), conformer, clock);
    this.tokens = new TokenService(database, clock);
    this.sites = new SiteService(database, schemas.sites(), conformer, clock, licensing);
    this.callingPackages =
        new CallingPackageService(database, schemas.callingPackages(), conformer, clock, licensing);
    this.phoneNumbers =
        new PhoneNumberService(database, schemas.phoneNumbers(), conformer, clock, licensing);
    this.webhooks = new WebhookService(database, schemas.webhooks(), conformer, clock, licensing);
    this.imports = new CsvImports(database, users, clock);
    this.oauthClients = new OAuthClientService(database, clock);
    this.accessTokens = new AccessTokens(database, clock, tokenLifetime);
    this.mailOutbox =
        new MailOutbox(
            database,
            clock,
            welcome,
            mail.smtp().<Mailer>map(SmtpMailer::new),
            WelcomeTemplates.load(mail.templates()));
  }

  /** Welcome emails: delivery, their states, an admin's resend. */
  public MailOutbox mailOutbox() {
    return mailOutbox;
  }

  /** CSV imports of users' direct values; close it (with {@link #close}) to stop the worker. */
  public CsvImports imports() {
    return imports;
  }

  /** Bulk loading for benchmarks and trials (no audit, no licensing). */
  public StoreSeeder seeder() {
    return new StoreSeeder(database, usersKind, groups, clock);
  }

  public GroupOverview groupOverview() {
    return new GroupOverview(database);
  }

  public SeatUsageHistory seatUsage() {
    return new SeatUsageHistory(database, clock);
  }

  public SiteUsage siteUsage() {
    return new SiteUsage(database);
  }

  public UserCsvExport userExport() {
    return new UserCsvExport(database);
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

  /**
   * Ends expired number holds and cooldowns and serves users waiting for them; the server runs this
   * periodically.
   */
  public void sweep() {
    database.write(
        handle -> {
          licensing.sweep(handle, new Caller("sweep", Scope.ADMIN));
          return null;
        });
  }

  public SiteService sites() {
    return sites;
  }

  public CallingPackageService callingPackages() {
    return callingPackages;
  }

  public PhoneNumberService phoneNumbers() {
    return phoneNumbers;
  }

  public WebhookService webhooks() {
    return webhooks;
  }

  /** The event stream, replayed after an event id ({@code GET /admin/events}). */
  public EventStream events() {
    return new EventStream(database);
  }

  /** The webhook delivery worker's work, on {@code schedule}; the server runs it periodically. */
  public WebhookDelivery webhookDelivery(DeliverySchedule schedule) {
    return new WebhookDelivery(database, clock, schedule);
  }

  public TokenService tokens() {
    return tokens;
  }

  public OAuthClientService oauthClients() {
    return oauthClients;
  }

  /** {@code POST /oauth/token}. */
  public ClientCredentialsGrant clientCredentials() {
    return new ClientCredentialsGrant(oauthClients, accessTokens);
  }

  /** Bearer credentials: OAuth access tokens and API tokens. */
  public Authenticator authenticator() {
    return new Authenticator(accessTokens, tokens);
  }

  public ConfigChanges configChanges() {
    return new ConfigChanges(database);
  }

  /** {@code /Bulk} over every resource type (admin ones need the admin scope per operation). */
  public BulkProcessor bulk(int maxOperations) {
    return new BulkProcessor(
        List.of(
            users,
            groups,
            licenseTemplates,
            seatPools,
            sites,
            callingPackages,
            phoneNumbers,
            webhooks),
        maxOperations);
  }

  /** The root {@code /.search}: over the resource types an IdP pushes. */
  public RootSearch rootSearch() {
    return new RootSearch(List.of(users, groups));
  }

  /** Stops background work (a running import stops between chunks). */
  @Override
  public void close() {
    imports.close();
  }
}
