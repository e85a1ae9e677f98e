package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.scim.Representation;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.EventDao;
import dev.switchboard.store.EventRow;
import dev.switchboard.store.WebhookDao;
import dev.switchboard.store.WebhookRow;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the outbox to every active webhook, per endpoint strictly in event id order: an endpoint
 * whose delivery fails gets nothing newer until that event goes through, so each user's events
 * arrive in order (and the endpoint's cursor is one number, which is what survives a restart). A
 * failure backs off exponentially; an endpoint failing for {@link DeliverySchedule#pauseAfter} is
 * paused. The cursor moves after a batch of deliveries, so a crash between sending and recording
 * sends again: at-least-once, receivers deduplicate by event id. One run at a time; thread-safe.
 */
public final class WebhookDelivery {
  private static final int BATCH = 100;

  private final Database database;
  private final Clock clock;
  private final DeliverySchedule schedule;
  private final WebhookSender sender;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();

  WebhookDelivery(Database database, Clock clock, DeliverySchedule schedule) {
    this.database = database;
    this.clock = clock;
    this.schedule = schedule;
    this.sender = new WebhookSender(clock, schedule.requestTimeout());
  }

  public DeliverySchedule schedule() {
    return schedule;
  }

  /** Sends what is due to each active endpoint, until it has caught up or an attempt failed. */
  public synchronized void deliverDue() throws InterruptedException {
    // Processes sharing a database take turns, so no event is sent by two of them at once.
    database.runAlone("webhook-delivery", this::deliverDueUntilInterrupted);
    if (Thread.interrupted()) {
      throw new InterruptedException("webhook delivery was interrupted");
    }
  }

  private void deliverDueUntilInterrupted() {
    List<WebhookRow> due =
        database.read(handle -> Daos.attach(handle, WebhookDao.class).all()).stream()
            .filter(webhook -> webhook.active() && webhook.nextAttempt() <= clock.millis())
            .toList();
    try {
      for (WebhookRow webhook : due) {
        deliver(webhook);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(WebhookRow webhook) throws InterruptedException {
    Set<String> wanted = wanted(webhook);
    long cursor = webhook.deliveredThrough();
    while (true) {
      long from = cursor;
      List<EventRow> batch =
          database.read(handle -> Daos.attach(handle, EventDao.class).after(from, BATCH));
      long through = cursor;
      for (EventRow event : batch) {
        if (wanted.isEmpty() || wanted.contains(event.type())) {
          String body = Representation.bodyText(EventStream.payload(event));
          Optional<String> error =
              sender.send(webhook.url(), webhook.secret(), event.id(), event.type(), body);
          if (error.isPresent()) {
            failed(webhook, through, error.get());
            return;
          }
          delivered.incrementAndGet();
        }
        through = event.id();
      }
      if (through > cursor) {
        long moved = through;
        database.write(
            handle -> Daos.attach(handle, WebhookDao.class).delivered(webhook.id(), moved));
        cursor = through;
      }
      if (batch.size() < BATCH) {
        return;
      }
    }
  }

  private void failed(WebhookRow webhook, long through, String error) {
    failedAttempts.incrementAndGet();
    long now = clock.millis();
    long failingSince = webhook.failingSince() == null ? now : webhook.failingSince();
    long next = now + schedule.backoff(webhook.attempts() + 1).toMillis();
    database.write(
        handle -> {
          WebhookDao webhooks = Daos.attach(handle, WebhookDao.class);
          webhooks.failed(webhook.id(), through, error, now, next);
          if (now - failingSince >= schedule.pauseAfter().toMillis()) {
            webhooks.pause(webhook.id(), now);
          }
          return null;
        });
  }

  private static Set<String> wanted(WebhookRow webhook) {
    Set<String> types = new HashSet<>();
    for (JsonNode type : Representation.parseBody(webhook.body()).path("events")) {
      types.add(type.asText());
    }
    return types;
  }

  /** Events delivered since start. */
  public long deliveredCount() {
    return delivered.get();
  }

  /** Attempts that failed since start. */
  public long failedAttemptCount() {
    return failedAttempts.get();
  }

  /** Every endpoint's state and backlog, read now. */
  public List<WebhookStatus> status() {
    return database.read(
        handle -> {
          long last = Daos.attach(handle, EventDao.class).lastId();
          return Daos.attach(handle, WebhookDao.class).all().stream()
              .map(
                  webhook ->
                      new WebhookStatus(
                          webhook.id(),
                          webhook.state(),
                          Math.max(0, last - webhook.deliveredThrough())))
              .toList();
        });
  }
}
