package dev.switchboard.cli;

import dev.switchboard.http.RateLimits;
import dev.switchboard.http.ServerConfig;
import dev.switchboard.http.SwitchboardServer;
import dev.switchboard.http.TlsIdentity;
import dev.switchboard.provisioning.DeliverySchedule;
import dev.switchboard.provisioning.Scope;
import dev.switchboard.provisioning.TokenLifetime;
import dev.switchboard.provisioning.TokenService;
import dev.switchboard.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Serves the SCIM API until stopped (the default command). */
@Command(
    name = "switchboard",
    mixinStandardHelpOptions = true,
    subcommands = {
      TokenCommand.class,
      ClientCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      SeedCommand.class,
      CheckCommand.class,
      MigrateStoreCommand.class
    },
    description = "SCIM 2.0 provisioning for contact-center and phone licensing.")
public final class ServeCommand implements Runnable {
  @Option(
      names = "--port",
      defaultValue = "${env:SWITCHBOARD_PORT:-8080}",
      description = "TCP port, 0 = any free port (env SWITCHBOARD_PORT; default ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--host",
      defaultValue = "${env:SWITCHBOARD_HOST:-127.0.0.1}",
      description = "address to listen on (env SWITCHBOARD_HOST; default ${DEFAULT-VALUE})")
  String host;

  @Option(
      names = "--log-format",
      paramLabel = "text|json",
      defaultValue = "${env:SWITCHBOARD_LOG_FORMAT:-text}",
      description =
          "text, or json for log shippers: one JSON object per line on stderr"
              + " (env SWITCHBOARD_LOG_FORMAT; default ${DEFAULT-VALUE})")
  LogFormat logFormat;

  @Option(
      names = "--oauth-token-lifetime",
      defaultValue = "${env:SWITCHBOARD_OAUTH_TOKEN_LIFETIME:-1h}",
      converter = TokenLifetimeConverter.class,
      description =
          "lifetime of OAuth access tokens, 1h to 6h, e.g. 2h or 90m"
              + " (env SWITCHBOARD_OAUTH_TOKEN_LIFETIME; default ${DEFAULT-VALUE})")
  TokenLifetime oauthTokenLifetime;

  @Option(
      names = "--idle-timeout",
      paramLabel = "SECONDS",
      defaultValue = "${env:SWITCHBOARD_IDLE_TIMEOUT:-30}",
      description =
          "close a connection that sends nothing for this long, also inside a request"
              + " (env SWITCHBOARD_IDLE_TIMEOUT; default ${DEFAULT-VALUE})")
  int idleTimeoutSeconds;

  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      defaultValue = "${env:SWITCHBOARD_TLS_CERT}",
      description =
          "PEM certificate chain, server's certificate first; with --tls-key serves HTTPS only"
              + " (env SWITCHBOARD_TLS_CERT)")
  Path tlsCertificate;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      defaultValue = "${env:SWITCHBOARD_TLS_KEY}",
      description =
          "PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC, unencrypted) for --tls-cert"
              + " (env SWITCHBOARD_TLS_KEY)")
  Path tlsKey;

  @Option(
      names = "--rate-limit-idp",
      paramLabel = "N",
      defaultValue = "${env:SWITCHBOARD_RATE_LIMIT_IDP:-0}",
      description =
          "requests per second each idp token may send, 0 = no limit; below 25 slows Entra ID"
              + " (env SWITCHBOARD_RATE_LIMIT_IDP; default ${DEFAULT-VALUE})")
  int rateLimitIdp;

  @Option(
      names = "--rate-limit-admin",
      paramLabel = "N",
      defaultValue = "${env:SWITCHBOARD_RATE_LIMIT_ADMIN:-0}",
      description =
          "requests per second each admin token may send, 0 = no limit"
              + " (env SWITCHBOARD_RATE_LIMIT_ADMIN; default ${DEFAULT-VALUE})")
  int rateLimitAdmin;

  @Option(
      names = "--webhook-poll-interval",
      paramLabel = "MILLIS",
      defaultValue = "${env:SWITCHBOARD_WEBHOOK_POLL_INTERVAL:-1000}",
      description =
          "how often the webhook worker looks for new events, in milliseconds"
              + " (env SWITCHBOARD_WEBHOOK_POLL_INTERVAL; default ${DEFAULT-VALUE})")
  long webhookPollMillis;

  @Mixin StoreOption store;

  @Mixin MailOptions mail;

  @Spec CommandSpec spec;

  /** Turns {@code 2h} into a lifetime; picocli reports a refusal as a usage error, exit 2. */
  static final class TokenLifetimeConverter implements CommandLine.ITypeConverter<TokenLifetime> {
    @Override
    public TokenLifetime convert(String value) {
      try {
        return TokenLifetime.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  @Override
  public void run() {
    ServerConfig settings = settings();
    logFormat.install();
    Database database = store.open();
    registerEnvironmentTokens(new TokenService(database, Clock.systemUTC()));
    SwitchboardServer server = SwitchboardServer.start(settings, database);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  database.close();
                  stopped.countDown();
                },
                "switchboard-shutdown"));
    System.out.println("listening on " + server.scimBase());
    System.out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Checks the options before anything opens, so a bad one stops the start with its reason. */
  private ServerConfig settings() {
    try {
      ServerConfig settings =
          new ServerConfig(host, port)
              .withRateLimits(new RateLimits(rateLimitIdp, rateLimitAdmin))
              .withOAuthTokenLifetime(oauthTokenLifetime)
              .withIdleTimeout(Duration.ofSeconds(idleTimeoutSeconds))
              .withMail(mail.settings(System.getenv()))
              .withWebhookDelivery(
                  DeliverySchedule.DEFAULT.withPollInterval(Duration.ofMillis(webhookPollMillis)));
      return tls().map(settings::withTls).orElse(settings);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private Optional<TlsIdentity> tls() {
    if (tlsCertificate == null && tlsKey == null) {
      return Optional.empty();
    }
    if (tlsCertificate == null || tlsKey == null) {
      throw new IllegalArgumentException(
          "HTTPS needs both --tls-cert and --tls-key (or SWITCHBOARD_TLS_CERT and"
              + " SWITCHBOARD_TLS_KEY); only "
              + (tlsCertificate == null ? "the key" : "the certificate")
              + " was given");
    }
    return Optional.of(TlsIdentity.readPem(tlsCertificate, tlsKey));
  }

  /** api.md: tokens in the environment are registered at start, stored hashed, never logged. */
  private static void registerEnvironmentTokens(TokenService tokens) {
    String admin = System.getenv("SWITCHBOARD_ADMIN_TOKEN");
    if (admin != null && !admin.isBlank()) {
      tokens.register("env:SWITCHBOARD_ADMIN_TOKEN", Scope.ADMIN, admin.trim());
    }
    String idp = System.getenv("SWITCHBOARD_IDP_TOKEN");
    if (idp != null && !idp.isBlank()) {
      tokens.register("env:SWITCHBOARD_IDP_TOKEN", Scope.IDP, idp.trim());
    }
  }
}
