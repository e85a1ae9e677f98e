package dev.switchboard.http;

import dev.switchboard.http.errors.OAuthErrorMapper;
import dev.switchboard.http.errors.ScimExceptionMapper;
import dev.switchboard.http.errors.StalledBodyMapper;
import dev.switchboard.http.errors.StoreUnavailableMapper;
import dev.switchboard.http.errors.UnexpectedExceptionMapper;
import dev.switchboard.http.errors.WebApplicationExceptionMapper;
import dev.switchboard.provisioning.Provisioning;
import dev.switchboard.provisioning.WebhookDelivery;
import dev.switchboard.scim.Discovery;
import dev.switchboard.scim.SchemaRegistry;
import dev.switchboard.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http2.Http2AddOn;
import org.glassfish.grizzly.http2.Http2Configuration;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires store, services and HTTP together and serves them on Grizzly: the one place that knows
 * every part. Start with {@link #start}, stop with {@link #close}.
 */
public final class SwitchboardServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SwitchboardServer.class);

  /** Serves the console from this folder instead of the jar (for working on the console). */
  public static final String CONSOLE_DIR_VARIABLE = "SWITCHBOARD_CONSOLE_DIR";

  private static final int MAX_REQUEST_HEAD_BYTES = 64 * 1024;
  private static final long MAX_PAYLOAD_REMAINDER_TO_SKIP = 64L * 1024 * 1024;
  private static final String[] TLS_PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
  private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

  /** How often the outbox is checked for welcome emails due (first attempts and retries). */
  private static final Duration MAIL_INTERVAL = Duration.ofSeconds(5);

  private final HttpServer http;
  private final URI scimBase;
  private final Provisioning provisioning;
  private final ServerMetrics metrics;
  private final ScheduledExecutorService sweeper;
  private final ScheduledExecutorService mailer;
  private final WebhookDelivery delivery;
  private final ScheduledExecutorService deliverer;

  private SwitchboardServer(
      HttpServer http,
      URI scimBase,
      Provisioning provisioning,
      ServerMetrics metrics,
      WebhookDelivery delivery) {
    this.http = http;
    this.scimBase = scimBase;
    this.provisioning = provisioning;
    this.metrics = metrics;
    this.delivery = delivery;
    this.sweeper = daemon("switchboard-sweep");
    sweeper.scheduleWithFixedDelay(
        this::sweepQuietly,
        SWEEP_INTERVAL.toMillis(),
        SWEEP_INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
    this.mailer = daemon("switchboard-mail");
    if (provisioning.mailOutbox().enabled()) {
      mailer.scheduleWithFixedDelay(
          this::deliverMailQuietly,
          MAIL_INTERVAL.toMillis(),
          MAIL_INTERVAL.toMillis(),
          TimeUnit.MILLISECONDS);
    }
    this.deliverer = daemon("switchboard-webhooks");
    long poll = delivery.schedule().pollInterval().toMillis();
    deliverer.scheduleWithFixedDelay(this::deliverQuietly, poll, poll, TimeUnit.MILLISECONDS);
  }

  private static ScheduledExecutorService daemon(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, name);
          thread.setDaemon(true);
          return thread;
        });
  }

  /** Serves {@code database} as {@code settings} say until closed. */
  public static SwitchboardServer start(ServerConfig settings, Database database) {
    return start(settings, database, Clock.systemUTC());
  }

  /** As {@link #start(ServerConfig, Database)}, on {@code clock} (tests move time with it). */
  public static SwitchboardServer start(ServerConfig settings, Database database, Clock clock) {
    String host = settings.host();
    int port = settings.port();
    SchemaRegistry schemas = SchemaRegistry.load();
    Provisioning provisioning =
        new Provisioning(database, schemas, clock, settings.oauthTokenLifetime(), settings.mail());
    WebhookDelivery delivery = provisioning.webhookDelivery(settings.webhookDelivery());
    ServerMetrics metrics =
        new ServerMetrics(database, provisioning.seatPools(), provisioning.mailOutbox(), delivery);
    ResourceConfig config =
        new ResourceConfig()
            .register(new UsersResource(provisioning.users()))
            .register(new GroupsResource(provisioning.groups()))
            .register(new LicenseTemplatesResource(provisioning.licenseTemplates()))
            .register(new SeatPoolsResource(provisioning.seatPools()))
            .register(new AuditEventsResource(provisioning.auditEvents()))
            .register(new SitesResource(provisioning.sites()))
            .register(new CallingPackagesResource(provisioning.callingPackages()))
            .register(new PhoneNumbersResource(provisioning.phoneNumbers()))
            .register(new WebhooksResource(provisioning.webhooks()))
            .register(new EventsResource(provisioning.events()))
            .register(new RootSearchResource(provisioning.rootSearch()))
            .register(new BulkResource(provisioning.bulk(Discovery.BULK_MAX_OPERATIONS)))
            .register(new ImportsResource(provisioning.imports()))
            .register(new ExportsResource(provisioning.userExport()))
            .register(
                new OverviewsResource(
                    provisioning.groupOverview(),
                    provisioning.seatUsage(),
                    provisioning.siteUsage()))
            .register(new DiscoveryResource(new Discovery(schemas)))
            .register(MeResource.class)
            .register(
                new ConsoleResource(
                    Optional.ofNullable(System.getenv(CONSOLE_DIR_VARIABLE)).map(Path::of)))
            .register(new HealthResource(database))
            .register(new MetricsResource(metrics))
            .register(new RequestObserver(metrics))
            .register(new OAuthTokenResource(provisioning.clientCredentials()))
            .register(new OAuthClientsResource(provisioning.oauthClients()))
            .register(new ConfigChangesResource(provisioning.configChanges()))
            .register(new WelcomeEmailResource(provisioning.mailOutbox()))
            .register(new MailResource(provisioning.mailOutbox()))
            .register(CanonicalPathFilter.class)
            .register(NulInUriFilter.class)
            .register(new TokenAuthFilter(provisioning.authenticator()))
            .register(PayloadLimitFilter.class)
            .register(MalformedHeadersFilter.class)
            .register(MissingContentTypeFilter.class)
            .register(ScimExceptionMapper.class)
            .register(OAuthErrorMapper.class)
            .register(WebApplicationExceptionMapper.class)
            .register(StalledBodyMapper.class)
            .register(StoreUnavailableMapper.class)
            .register(UnexpectedExceptionMapper.class)
            .property(ServerProperties.WADL_FEATURE_DISABLE, true)
            .property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
    RateLimits limits = settings.rateLimits();
    if (limits.any()) {
      if (limits.throttlesEntra()) {
        log.warn(
            "the idp rate limit of {} requests/s is below the {} Entra ID sends; its provisioning"
                + " will be slowed by 429 answers",
            limits.idpPerSecond(),
            RateLimits.ENTRA_REQUESTS_PER_SECOND);
      }
      config.register(new RateLimitFilter(limits, clock, metrics.rateLimited()::increment));
    }

    HttpServer http =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://" + hostForUri(host) + ":" + port + "/"), false);
    GrizzlyHttpContainer jersey =
        ContainerFactory.createContainer(GrizzlyHttpContainer.class, config);
    http.getServerConfiguration().addHttpHandler(new ScimSafeHttpHandler(jersey), "/");
    http.getServerConfiguration().setDefaultErrorPageGenerator(new GrizzlyErrors());
    // Some clients send a body with DELETE; answer it rather than Grizzly's bare 400.
    http.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);
    // After an early 413, read past the rest of the body so the client gets to see the answer.
    http.getServerConfiguration().setMaxPayloadRemainderToSkip(MAX_PAYLOAD_REMAINDER_TO_SKIP);
    for (NetworkListener listener : http.getListeners()) {
      listener.registerAddOn(new ScimCodecAddOn(MAX_PAYLOAD_REMAINDER_TO_SKIP));
      settings.tls().ifPresent(identity -> serveHttpsOnly(listener, identity));
      listener.registerAddOn(new Http2AddOn(Http2Configuration.builder().build()));
      // A filter OR-ing a few hundred ids is a long request line; 8 KiB (Grizzly's) is too short.
      listener.setMaxHttpHeaderSize(MAX_REQUEST_HEAD_BYTES);
      // A connection that sends nothing, or stops inside its headers, is closed by the keep-alive
      // idle timer; a worker blocked reading a stalled body gives up after the read timeout.
      listener.getKeepAlive().setIdleTimeoutInSeconds(wholeSeconds(settings.idleTimeout()));
      listener
          .getTransport()
          .setReadTimeout(settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
    try {
      http.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
    }
    NetworkListener listener = http.getListeners().iterator().next();
    URI scimBase =
        URI.create(
            settings.scheme()
                + "://"
                + hostForUri(host)
                + ":"
                + listener.getPort()
                + "/"
                + ScimBase.PATH);
    return new SwitchboardServer(http, scimBase, provisioning, metrics, delivery);
  }

  /** The SCIM base URL, e.g. {@code http://127.0.0.1:8080/scim/v2} ({@code https} with TLS). */
  public URI scimBase() {
    return scimBase;
  }

  /** Ends expired number holds and cooldowns now (the server also does so every minute). */
  public void sweepNow() {
    provisioning.sweep();
  }

  private void sweepQuietly() {
    try {
      sweepNow();
    } catch (RuntimeException e) {
      log.warn("the hold/cooldown sweep failed; it runs again in a minute", e);
    }
  }

  /**
   * Makes one attempt now at each welcome email due (the server also does so every {@code
   * MAIL_INTERVAL}); returns how many were delivered.
   */
  public int deliverMailNow() {
    return provisioning.mailOutbox().deliverDue();
  }

  private void deliverMailQuietly() {
    try {
      deliverMailNow();
    } catch (RuntimeException e) {
      log.warn("welcome email delivery failed; it runs again in a few seconds", e);
    }
  }

  /**
   * Sends every due webhook delivery now and returns when done (the server also does so every poll
   * interval).
   */
  public void deliverNow() throws InterruptedException {
    delivery.deliverDue();
  }

  private void deliverQuietly() {
    try {
      deliverNow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("webhook delivery failed; it runs again at the next poll", e);
    }
  }

  @Override
  public void close() {
    mailer.shutdownNow();
    deliverer.shutdownNow();
    sweeper.shutdownNow();
    // An email being handed over, or a delivery writing its cursor, finishes before the store
    // closes.
    awaitQuietly(mailer);
    awaitQuietly(deliverer);
    http.shutdownNow();
    provisioning.close();
    metrics.close();
  }

  private static void awaitQuietly(ScheduledExecutorService executor) {
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int wholeSeconds(Duration timeout) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (timeout.toMillis() + 999) / 1000));
  }

  /** TLS 1.0 and 1.1 are deprecated (RFC 8996); the JDK's defaults can be loosened, ours not. */
  private static void serveHttpsOnly(NetworkListener listener, TlsIdentity identity) {
    SSLEngineConfigurator engines =
        new SSLEngineConfigurator(identity.sslContext(), false, false, false);
    engines.setEnabledProtocols(TLS_PROTOCOLS);
    listener.setSecure(true);
    listener.setSSLEngineConfig(engines);
  }

  private static String hostForUri(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
