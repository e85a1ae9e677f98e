package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.licensing.LicenseState;
import dev.switchboard.scim.Representation;
import dev.switchboard.store.Daos;
import dev.switchboard.store.MailOutboxDao;
import dev.switchboard.store.MailRow;
import dev.switchboard.store.PhoneLicensing;
import dev.switchboard.store.UserLicensing;
import dev.switchboard.store.UserRow;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Queues a user's welcome email in the transaction of the licensing change that first gives them a
 * contact-center seat or a phone extension (transactional outbox: a change that rolls back queues
 * nothing). Each user is welcomed once per product, ever ({@code welcomed_users}): losing the
 * license and getting it back later sends nothing; an admin can resend. With email off, users are
 * still marked welcomed but nothing is queued. Thread-safe.
 */
final class WelcomeMail {
  static final String CONTACT_CENTER = ContactCenterLicensing.PRODUCT;
  static final String PHONE = PhoneLicensingEngine.PRODUCT;
  static final String NO_ADDRESS = "the user has no email address";

  private final Clock clock;
  private final boolean enabled;

  WelcomeMail(Clock clock, boolean enabled) {
    this.clock = clock;
    this.enabled = enabled;
  }

  boolean enabled() {
    return enabled;
  }

  /** After {@code user}'s contact-center licensing changed from {@code before} to {@code after}. */
  void contactCenterChanged(
      Handle handle, UserRow user, UserLicensing before, UserLicensing after) {
    if (user.active()
        && !holds(before)
        && holds(after)
        && firstTime(handle, user, CONTACT_CENTER)) {
      queue(handle, user, CONTACT_CENTER, WelcomeFacts.contactCenter(user, after));
    }
  }

  /** After {@code user}'s phone licensing changed from {@code before} to {@code after}. */
  void phoneChanged(Handle handle, UserRow user, PhoneLicensing before, PhoneLicensing after) {
    if (user.active() && !holds(before) && holds(after) && firstTime(handle, user, PHONE)) {
      queue(handle, user, PHONE, WelcomeFacts.phone(handle, user, after));
    }
  }

  static boolean holds(UserLicensing licensing) {
    return LicenseState.ASSIGNED.wireName().equals(licensing.state()) && licensing.seat() != null;
  }

  static boolean holds(PhoneLicensing phone) {
    return LicenseState.ASSIGNED.wireName().equals(phone.state()) && phone.extension() != null;
  }

  private boolean firstTime(Handle handle, UserRow user, String product) {
    return Daos.attach(handle, MailOutboxDao.class).markWelcomed(user.id(), product, clock.millis())
        == 1;
  }

  /** Queues the welcome of {@code product} with {@code facts}; returns the row (none when off). */
  MailRow queue(Handle handle, UserRow user, String product, Map<String, String> facts) {
    long now = clock.millis();
    String recipient = WelcomeFacts.recipient(user);
    ObjectNode json = JsonUtils.getJsonNodeFactory().objectNode();
    facts.forEach(json::put);
    MailRow row =
        new MailRow(
            UUID.randomUUID().toString(),
            user.id(),
            user.userName(),
            product,
            recipient,
            Representation.bodyText(json),
            (recipient == null ? MailState.FAILED : MailState.PENDING).wireName(),
            0,
            now,
            recipient == null ? NO_ADDRESS : null,
            now,
            recipient == null ? now : null);
    if (enabled) {
      Daos.attach(handle, MailOutboxDao.class).insert(row);
    }
    return row;
  }
}
