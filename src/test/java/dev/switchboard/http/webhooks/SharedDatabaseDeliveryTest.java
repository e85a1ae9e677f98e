package dev.switchboard.http.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.switchboard.TestServer;
import dev.switchboard.TestStores;
import dev.switchboard.http.ServerConfig;
import dev.switchboard.mail.MailSettings;
import dev.switchboard.mail.SmtpSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one PostgreSQL database, as two processes behind a load balancer: both run the
 * welcome-mail and webhook workers, and when both deliver at the same moment each email and each
 * event still goes out once.
 */
class SharedDatabaseDeliveryTest {
  private static final int USERS = 12;
  private static final int ROUNDS = 5;

  @BeforeEach
  void needsPostgres() {
    assumeTrue(TestStores.onPostgres(), "needs PostgreSQL: set " + TestStores.POSTGRES_PROPERTY);
  }

  @Test
  void eachWelcomeEmailIsSentOnceByTwoServers() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    UnaryOperator<ServerConfig> mail =
        config ->
            config.withMail(
                MailSettings.smtp(SmtpSettings.plain("127.0.0.1", port, "sb@switchboard.test")));
    Path store = Files.createTempDirectory("shared-mail").resolve("switchboard.db");
    try (TestServer one = TestServer.startWith(store, Clock.systemUTC(), mail);
        TestServer two = TestServer.startWith(store, Clock.systemUTC(), mail)) {
      for (int n = 0; n < USERS; n++) {
        String id =
            one.post(
                    "/Users",
                    "{\"userName\":\"mail-"
                        + n
                        + "\",\"emails\":[{\"value\":\"mail-"
                        + n
                        + "@example.com\"}]}")
                .body()
                .get("id")
                .asText();
        Webhooks.license(n % 2 == 0 ? one : two, id, "standard");
      }
      together(one::deliverMail, two::deliverMail);
      assertEquals(USERS, smtp.getReceivedMessages().length, "one welcome per licensed user");
    } finally {
      smtp.stop();
    }
  }

  @Test
  void eachEventReachesAWebhookOnceFromTwoServers() throws Exception {
    Path store = Files.createTempDirectory("shared-hooks").resolve("switchboard.db");
    try (Receiver receiver = new Receiver();
        TestServer one = TestServer.startWith(store, Clock.systemUTC(), UnaryOperator.identity());
        TestServer two = TestServer.startWith(store, Clock.systemUTC(), UnaryOperator.identity())) {
      Webhooks.register(one, receiver.url(), "[]");
      for (int n = 0; n < USERS; n++) {
        Webhooks.license(two, two.createUser("hook-" + n), "standard");
      }
      together(
          () -> {
            one.deliverWebhooks();
            return 0;
          },
          () -> {
            two.deliverWebhooks();
            return 0;
          });
      List<String> ids = receiver.received().stream().map(Receiver.Delivery::eventId).toList();
      assertEquals(Webhooks.eventCount(one), ids.size(), "every event delivered: " + ids);
      assertEquals(ids.size(), new HashSet<>(ids).size(), "no event delivered twice: " + ids);
    }
  }

  /** Runs both deliveries at the same moment, {@value #ROUNDS} times. */
  private static void together(Callable<Integer> first, Callable<Integer> second) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> running = new ArrayList<>();
        for (Callable<Integer> delivery : List.of(first, second)) {
          running.add(
              threads.submit(
                  () -> {
                    start.await();
                    return delivery.call();
                  }));
        }
        start.countDown();
        for (Future<Integer> delivery : running) {
          delivery.get(1, TimeUnit.MINUTES);
        }
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
