package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.scim.Representation;
import dev.switchboard.scim.ScimUrns;
import dev.switchboard.store.Daos;
import dev.switchboard.store.PhoneNumberDao;
import dev.switchboard.store.SiteDao;
import dev.switchboard.store.SiteRow;
import dev.switchboard.store.UserDao;
import dev.switchboard.store.UserRow;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Keeps the direct-number inventory in step with users: assigns the numbers a user lists, holds
 * them while the user is deactivated, releases them (into the number's site cooldown) when the user
 * loses the calling package or license or stops listing them. Thread-safe.
 */
final class DirectNumberSync {
  private final AuditTrail audit;

  DirectNumberSync(AuditTrail audit) {
    this.audit = audit;
  }

  /**
   * Makes the inventory match the user's directNumbers: assigned while they have a calling package
   * and are active, held while deactivated, released (and dropped from the user) when the package
   * or license is gone or the user no longer lists them. Returns true if any was freed.
   */
  boolean sync(
      Handle handle,
      UserRow user,
      ObjectNode body,
      boolean hasPackage,
      boolean active,
      Optional<SiteRow> site,
      long now,
      String reason,
      Caller actor) {
    PhoneNumberDao numbers = Daos.attach(handle, PhoneNumberDao.class);
    Set<String> wanted = new LinkedHashSet<>();
    body.path(ScimUrns.PHONE_USER).path("directNumbers").forEach(n -> wanted.add(n.asText()));
    boolean freed = false;
    for (PhoneNumberDao.NumberState held : numbers.heldBy(user.id())) {
      if (!hasPackage || !wanted.contains(held.number())) {
        release(handle, held, now);
        audit.record(
            handle,
            user.id(),
            user.userName(),
            "directNumber",
            held.number(),
            "none",
            reason,
            actor);
        freed = true;
      }
    }
    if (!hasPackage) {
      if (!wanted.isEmpty()) {
        ((ObjectNode) body.path(ScimUrns.PHONE_USER)).remove("directNumbers");
        Daos.attach(handle, UserDao.class).updateBody(user.id(), Representation.bodyText(body));
      }
      return freed;
    }
    long holdDays = site.map(SiteRow::holdDays).orElse(0L);
    Set<String> dropped = new LinkedHashSet<>();
    for (String number : wanted) {
      Optional<PhoneNumberDao.NumberState> state = numbers.byNumber(number);
      if (state.isEmpty()) {
        continue;
      }
      boolean mine = user.id().equals(state.get().userId());
      boolean free = state.get().userId() == null && "unassigned".equals(state.get().state());
      if (!mine && !free) {
        continue;
      }
      if (!mine) {
        audit.record(
            handle, user.id(), user.userName(), "directNumber", "none", number, reason, actor);
      }
      if (active) {
        numbers.setState(number, "assigned", user.id(), null, now);
      } else if (holdDays > 0) {
        numbers.setState(
            number, "held", user.id(), now + Duration.ofDays(holdDays).toMillis(), now);
      } else {
        release(handle, state.get(), now);
        audit.record(
            handle, user.id(), user.userName(), "directNumber", number, "none", reason, actor);
        dropped.add(number);
        freed = true;
      }
    }
    if (!dropped.isEmpty()) {
      ArrayNode kept = JsonUtils.getJsonNodeFactory().arrayNode();
      wanted.stream().filter(n -> !dropped.contains(n)).forEach(kept::add);
      ObjectNode phone = (ObjectNode) body.path(ScimUrns.PHONE_USER);
      if (kept.isEmpty()) {
        phone.remove("directNumbers");
      } else {
        phone.set("directNumbers", kept);
      }
      Daos.attach(handle, UserDao.class).updateBody(user.id(), Representation.bodyText(body));
    }
    return freed;
  }

  void release(Handle handle, PhoneNumberDao.NumberState number, long now) {
    long cooldownDays =
        Optional.ofNullable(number.siteKey())
            .flatMap(Daos.attach(handle, SiteDao.class)::byNameKey)
            .map(SiteRow::cooldownDays)
            .orElse(0L);
    PhoneNumberDao numbers = Daos.attach(handle, PhoneNumberDao.class);
    if (cooldownDays > 0) {
      numbers.setState(
          number.number(), "cooldown", null, now + Duration.ofDays(cooldownDays).toMillis(), now);
    } else {
      numbers.setState(number.number(), "unassigned", null, null, now);
    }
  }
}
