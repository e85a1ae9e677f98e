package dev.switchboard.cli;

import dev.switchboard.http.ServerConfig;
import dev.switchboard.http.SwitchboardServer;
import dev.switchboard.provisioning.DeliverySchedule;
import dev.switchboard.provisioning.Scope;
import dev.switchboard.provisioning.TokenLifetime;
import dev.switchboard.provisioning.TokenService;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
      CheckCommand.class
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
      names = "--webhook-poll-interval",
      paramLabel = "MILLIS",
      defaultValue = "${env:SWITCHBOARD_WEBHOOK_POLL_INTERVAL:-1000}",
      description =
          "how often the webhook worker looks for new events, in milliseconds"
              + " (env SWITCHBOARD_WEBHOOK_POLL_INTERVAL; default ${DEFAULT-VALUE})")
  long webhookPollMillis;

  @Mixin StoreOption store;

  @Spec CommandLine.Model.CommandSpec spec;

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
    logFormat.install();
    if (webhookPollMillis <= 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--webhook-poll-interval must be positive");
    }
    Database database = store.open();
    registerEnvironmentTokens(new TokenService(database, Clock.systemUTC()));
    SwitchboardServer server =
        SwitchboardServer.start(
            new ServerConfig(host, port)
                .withOAuthTokenLifetime(oauthTokenLifetime)
                .withIdleTimeout(Duration.ofSeconds(idleTimeoutSeconds))
                .withWebhookDelivery(
                    DeliverySchedule.DEFAULT.withPollInterval(
                        Duration.ofMillis(webhookPollMillis))),
            database);
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
