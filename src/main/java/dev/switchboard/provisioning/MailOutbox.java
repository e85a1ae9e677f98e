package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.mail.MailFailure;
import dev.switchboard.mail.Mailer;
import dev.switchboard.mail.OutgoingMail;
import dev.switchboard.mail.WelcomeTemplates;
import dev.switchboard.scim.Representation;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.MailOutboxDao;
import dev.switchboard.store.MailRow;
import dev.switchboard.store.UserDao;
import dev.switchboard.store.UserRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The welcome-email outbox: delivers what licensing queued (at least once: a crash between the
 * server's acceptance and the mark sends that email again), retrying a mail server that fails with
 * exponential backoff ({@value #FIRST_RETRY_SECONDS} s doubling, at most {@link #MAX_DELAY},
 * {@value #MAX_ATTEMPTS} attempts); lists emails by delivery state; and queues an admin's "resend
 * welcome". An email whose user was deactivated or deleted before it went is cancelled, not sent.
 * Delivery is one attempt at a time ({@link #deliverDue} is synchronized); everything else is
 * thread-safe.
 */
public final class MailOutbox {
  static final String SCHEMA = "urn:switchboard:params:scim:schemas:core:1.0:WelcomeEmail";
  static final int MAX_ATTEMPTS = 10;
  private static final long FIRST_RETRY_SECONDS = 30;
  private static final Duration MAX_DELAY = Duration.ofHours(1);
  private static final int BATCH = 100;
  private static final int MAX_COUNT = 1000;
  private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

  private final Database database;
  private final Clock clock;
  private final WelcomeMail welcome;
  private final Optional<Mailer> mailer;
  private final WelcomeTemplates templates;

  MailOutbox(
      Database database,
      Clock clock,
      WelcomeMail welcome,
      Optional<Mailer> mailer,
      WelcomeTemplates templates) {
    this.database = database;
    this.clock = clock;
    this.welcome = welcome;
    this.mailer = mailer;
    this.templates = templates;
  }

  /** True when the server sends email (an SMTP host is set). */
  public boolean enabled() {
    return mailer.isPresent();
  }

  /** How long to wait after the {@code attempts}-th failed attempt. */
  static Duration backoff(int attempts) {
    long seconds = FIRST_RETRY_SECONDS << Math.min(20, Math.max(0, attempts - 1));
    return Duration.ofSeconds(Math.min(seconds, MAX_DELAY.toSeconds()));
  }

  /**
   * {@code POST /admin/users/{id}/welcome}: queues the user's welcome again for each license they
   * hold now (contact-center seat, phone extension), with today's values; returns what was queued.
   */
  public List<ObjectNode> resend(String userId) throws ScimException {
    if (!enabled()) {
      throw new ResourceConflictException(
          "email is off: start the server with --smtp-host to send welcome emails");
    }
    return database.write(
        handle -> {
          UserRow user =
              UserDao.find(handle, userId)
                  .orElseThrow(
                      () -> new ResourceNotFoundException("User " + userId + " does not exist"));
          if (!user.active()) {
            throw new ResourceConflictException(
                "user " + user.userName() + " is deactivated; deactivated users get no email");
          }
          if (WelcomeFacts.recipient(user) == null) {
            throw new ResourceConflictException(
                "user " + user.userName() + " has no email address; add one to emails first");
          }
          List<ObjectNode> queued = new ArrayList<>();
          MailOutboxDao outbox = Daos.attach(handle, MailOutboxDao.class);
          if (WelcomeMail.holds(user.licensing())) {
            outbox.markWelcomed(user.id(), WelcomeMail.CONTACT_CENTER, clock.millis());
            queued.add(
                render(
                    welcome.queue(
                        handle,
                        user,
                        WelcomeMail.CONTACT_CENTER,
                        WelcomeFacts.contactCenter(user, user.licensing()))));
          }
          if (WelcomeMail.holds(user.phone())) {
            outbox.markWelcomed(user.id(), WelcomeMail.PHONE, clock.millis());
            queued.add(
                render(
                    welcome.queue(
                        handle,
                        user,
                        WelcomeMail.PHONE,
                        WelcomeFacts.phone(handle, user, user.phone()))));
          }
          if (queued.isEmpty()) {
            throw new ResourceConflictException(
                "user "
                    + user.userName()
                    + " holds no contact-center seat and no phone extension yet; there is nothing"
                    + " to welcome them to");
          }
          return queued;
        });
  }

  /** One page of emails in {@code state} (empty: all), newest first (RFC 7644 §3.4.2.4 paging). */
  public ListResult page(Optional<MailState> state, int requestedStart, int requestedCount) {
    int startIndex = Math.max(1, requestedStart);
    int count = Math.min(MAX_COUNT, Math.max(0, requestedCount));
    String filter = state.map(MailState::wireName).orElse("");
    return database.read(
        handle -> {
          MailOutboxDao outbox = Daos.attach(handle, MailOutboxDao.class);
          List<ObjectNode> page =
              outbox.newestFirst(filter, startIndex - 1L, count).stream()
                  .map(MailOutbox::render)
                  .toList();
          return new ListResult(outbox.count(filter), startIndex, page);
        });
  }

  /** How many emails are in each state now (every state, zero included). */
  public Map<MailState, Long> counts() {
    Map<MailState, Long> counts = new EnumMap<>(MailState.class);
    for (MailState state : MailState.values()) {
      counts.put(state, 0L);
    }
    database.read(handle -> Daos.attach(handle, MailOutboxDao.class).countsByState()).stream()
        .forEach(
            row -> {
              for (MailState state : MailState.values()) {
                if (state.wireName().equals(row.state())) {
                  counts.put(state, row.n());
                }
              }
            });
    return counts;
  }

  /**
   * Makes one attempt at each email whose attempt is due (up to {@value #BATCH}, oldest first);
   * returns how many were delivered. The server's worker calls it every few seconds.
   */
  public synchronized int deliverDue() {
    if (mailer.isEmpty()) {
      return 0;
    }
    // Processes sharing a database take turns, so no email is sent by two of them at once.
    AtomicInteger delivered = new AtomicInteger();
    database.runAlone("mail-delivery", () -> delivered.set(deliverDue(mailer.get())));
    return delivered.get();
  }

  private int deliverDue(Mailer smtp) {
    List<MailRow> due =
        database.read(
            handle -> Daos.attach(handle, MailOutboxDao.class).due(clock.millis(), BATCH));
    int delivered = 0;
    for (MailRow row : due) {
      delivered += deliver(row, smtp) ? 1 : 0;
    }
    return delivered;
  }

  private boolean deliver(MailRow row, Mailer smtp) {
    Optional<UserRow> user = database.read(handle -> UserDao.find(handle, row.userId()));
    if (user.isEmpty() || !user.get().active()) {
      finish(
          row,
          MailState.CANCELLED,
          row.attempts(),
          "not sent: the user was " + (user.isEmpty() ? "deleted" : "deactivated") + " first");
      return false;
    }
    OutgoingMail mail;
    try {
      mail = templates.render(row.product(), row.recipient(), facts(row));
    } catch (IllegalArgumentException e) {
      finish(row, MailState.FAILED, row.attempts(), e.getMessage());
      return false;
    }
    int attempts = row.attempts() + 1;
    try {
      smtp.send(mail);
    } catch (MailFailure e) {
      boolean giveUp = e.permanent() || attempts >= MAX_ATTEMPTS;
      log.warn(
          "welcome email {} to user {} failed (attempt {}{}): {}",
          row.id(),
          row.userName(),
          attempts,
          giveUp ? ", giving up" : "",
          e.getMessage());
      finish(row, giveUp ? MailState.FAILED : MailState.PENDING, attempts, e.getMessage());
      return false;
    }
    finish(row, MailState.DELIVERED, attempts, null);
    return true;
  }

  private void finish(MailRow row, MailState state, int attempts, String error) {
    long now = clock.millis();
    boolean pending = state == MailState.PENDING;
    long next = pending ? now + backoff(attempts).toMillis() : row.nextAttemptAt();
    database.write(
        handle ->
            Daos.attach(handle, MailOutboxDao.class)
                .finishAttempt(
                    row.id(), state.wireName(), attempts, next, error, pending ? null : now));
  }

  private static Map<String, String> facts(MailRow row) {
    Map<String, String> facts = new LinkedHashMap<>();
    JsonNode json = Representation.parseJson(row.factsJson());
    for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      facts.put(field.getKey(), field.getValue().asText());
    }
    return facts;
  }

  private static ObjectNode render(MailRow row) {
    ObjectNode mail = JsonUtils.getJsonNodeFactory().objectNode();
    mail.putArray("schemas").add(SCHEMA);
    mail.put("id", row.id());
    ObjectNode user = mail.putObject("user");
    user.put("value", row.userId());
    user.put("display", row.userName());
    mail.put("product", row.product());
    mail.put("recipient", row.recipient());
    mail.put("state", row.state());
    mail.put("attempts", row.attempts());
    if (MailState.PENDING.wireName().equals(row.state())) {
      mail.put("nextAttempt", Instant.ofEpochMilli(row.nextAttemptAt()).toString());
    }
    mail.put("lastError", row.lastError());
    mail.put("created", Instant.ofEpochMilli(row.createdAt()).toString());
    if (row.finishedAt() != null) {
      mail.put("finished", Instant.ofEpochMilli(row.finishedAt()).toString());
    }
    mail.set("values", Representation.parseJson(row.factsJson()));
    return mail;
  }
}
