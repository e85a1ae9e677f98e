package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.licensing.ContactCenterResolver;
import dev.switchboard.licensing.Demand;
import dev.switchboard.licensing.LicenseState;
import dev.switchboard.licensing.Resolution;
import dev.switchboard.licensing.Role;
import dev.switchboard.licensing.SeatPlan;
import dev.switchboard.licensing.SeatPoolId;
import dev.switchboard.licensing.Tier;
import dev.switchboard.scim.Representation;
import dev.switchboard.scim.ScimUrns;
import dev.switchboard.store.AgentIdCursor;
import dev.switchboard.store.Daos;
import dev.switchboard.store.SeatPoolDao;
import dev.switchboard.store.TemplateDao;
import dev.switchboard.store.TemplateDemandRow;
import dev.switchboard.store.UserDao;
import dev.switchboard.store.UserLicensing;
import dev.switchboard.store.UserRow;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Resolves users' contact-center licenses inside the transaction of the change that affects them:
 * demands (direct, role, group templates) → effective tier → seat, state, agent id, audit. Seats
 * that free up go to the oldest pending user of that tier. Only the users named are read. Stateless
 * apart from the clock; thread-safe.
 */
final class ContactCenterLicensing {
  static final String PRODUCT = "contactCenter";
  private static final long FIRST_AGENT_ID = 1000;
  private static final int CHUNK = 500;

  private final Clock clock;
  private final AuditTrail audit;
  private final PhoneLicensingEngine phone;
  private final WelcomeMail welcome;

  ContactCenterLicensing(
      Clock clock, AuditTrail audit, PhoneLicensingEngine phone, WelcomeMail welcome) {
    this.clock = clock;
    this.audit = audit;
    this.phone = phone;
    this.welcome = welcome;
  }

  /**
   * Resolves these users' contact-center and phone licenses again because of {@code reason}; serves
   * any seats and numbers that free up.
   */
  void resolve(Handle handle, Collection<String> userIds, String reason, Caller actor) {
    resolve(handle, userIds, reason, actor, true);
  }

  /**
   * As {@link #resolve}, for a change that cannot alter anyone's phone demands (a template without
   * phone values, before and after): the phone resolution would come out as it is, so it is not run
   * (it was a quarter of a big template's work).
   */
  void resolveContactCenter(
      Handle handle, Collection<String> userIds, String reason, Caller actor) {
    resolve(handle, userIds, reason, actor, false);
  }

  private void resolve(
      Handle handle, Collection<String> userIds, String reason, Caller actor, boolean phoneToo) {
    Map<SeatPoolId, String> freed = new LinkedHashMap<>();
    boolean phoneFreed = false;
    List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(userIds));
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      Map<String, List<TemplateDemandRow>> demands = new HashMap<>();
      for (TemplateDemandRow row : Daos.attach(handle, TemplateDao.class).demandsOf(chunk)) {
        demands.computeIfAbsent(row.userId(), k -> new ArrayList<>()).add(row);
      }
      Map<String, UserRow> users = new HashMap<>();
      Daos.attach(handle, UserDao.class).findAll(chunk).forEach(user -> users.put(user.id(), user));
      for (String id : chunk) { // in the order given: who asked first gets a scarce seat first
        UserRow user = users.get(id);
        if (user != null) {
          List<TemplateDemandRow> templates = demands.getOrDefault(id, List.of());
          resolveOne(handle, user, templates, reason, actor, freed);
          if (phoneToo) {
            phoneFreed |= phone.resolve(handle, user, templates, reason, actor);
          }
        }
      }
    }
    serve(handle, freed, actor);
    if (phoneFreed) {
      servePhone(handle, actor);
    }
  }

  /** Gives freed phone seats and numbers to the users waiting longest. */
  void servePhone(Handle handle, Caller actor) {
    for (String id : phone.pending(handle)) {
      UserDao.find(handle, id)
          .ifPresent(
              user ->
                  phone.resolve(
                      handle,
                      user,
                      Daos.attach(handle, TemplateDao.class).demandsOf(List.of(id)),
                      "seat or number freed",
                      actor));
    }
  }

  /** Ends expired holds and cooldowns, then serves whoever waits. */
  void sweep(Handle handle, Caller actor) {
    phone.sweep(handle);
    servePhone(handle, actor);
  }

  /** Sets (or clears) an agent id the request gave; the caller checked it is free. */
  void assignAgentId(Handle handle, UserRow user, Long agentId, Caller actor) {
    if (user.agentId() != null) {
      AgentIdCursor.released(handle, user.agentId());
    }
    UserLicensing l = user.licensing();
    store(
        handle,
        user,
        new UserLicensing(
            l.effective(), l.state(), l.seat(), l.pendingSince(), l.sources(), agentId),
        "agentId set by request",
        actor);
  }

  /** The lowest agent id from {@value #FIRST_AGENT_ID} nobody holds, found from the cursor. */
  private static long lowestFreeAgentId(Handle handle) {
    long id =
        AgentIdCursor.lowestFreeFrom(
            handle, Math.max(FIRST_AGENT_ID, AgentIdCursor.nextFree(handle)));
    AgentIdCursor.moveTo(handle, id + 1);
    return id;
  }

  /** Releases a user's seat before the user is deleted, and passes it on. */
  void releaseForDeletion(Handle handle, UserRow user, Caller actor) {
    if (user.agentId() != null) {
      AgentIdCursor.released(handle, user.agentId());
    }
    Map<SeatPoolId, String> freed = new LinkedHashMap<>();
    SeatPoolId.parse(user.ccSeat())
        .ifPresent(
            pool -> {
              SeatPoolDao.release(handle, pool.wireName());
              freed.put(pool, user.userName());
            });
    audit.record(
        handle,
        user.id(),
        user.userName(),
        PRODUCT,
        describe(user.ccEffective(), user.ccState()),
        "none",
        "deleted",
        actor);
    phone.releaseForDeletion(handle, user, actor);
    serve(handle, freed, actor);
    servePhone(handle, actor);
  }

  /** Gives free seats of these pools to the oldest pending users (after a capacity change). */
  void serve(Handle handle, Collection<SeatPoolId> pools, Caller actor) {
    Map<SeatPoolId, String> freed = new LinkedHashMap<>();
    pools.forEach(pool -> freed.put(pool, null));
    serve(handle, freed, actor);
  }

  private void resolveOne(
      Handle handle,
      UserRow user,
      List<TemplateDemandRow> templateDemands,
      String reason,
      Caller actor,
      Map<SeatPoolId, String> freed) {
    Resolution resolution = ContactCenterResolver.resolve(demands(user, templateDemands));
    Tier effective = resolution.effective();
    Optional<SeatPoolId> held = SeatPoolId.parse(user.ccSeat());
    SeatPlan plan = SeatPlan.plan(held, effective, user.active());
    boolean taken =
        plan.take().isPresent() && SeatPoolDao.tryTake(handle, plan.take().get().wireName()) == 1;
    Optional<SeatPoolId> release = taken ? plan.releaseIfTaken() : plan.releaseIfNotTaken();
    release.ifPresent(
        pool -> {
          SeatPoolDao.release(handle, pool.wireName());
          freed.put(pool, user.userName());
        });
    Optional<SeatPoolId> seat = taken ? plan.take() : release.isPresent() ? Optional.empty() : held;
    LicenseState state = taken ? plan.stateIfTaken() : plan.stateIfNotTaken();
    Long pendingSince = null;
    if (state == LicenseState.PENDING) {
      boolean stillWaiting =
          LicenseState.PENDING.wireName().equals(user.ccState())
              && effective.wireName().equals(user.ccEffective());
      pendingSince = stillWaiting ? user.ccPendingSince() : clock.millis();
    }
    Long agentId = user.agentId();
    if (effective != Tier.NONE && agentId == null) {
      agentId = lowestFreeAgentId(handle);
    }
    UserLicensing after =
        new UserLicensing(
            effective.wireName(),
            state.wireName(),
            seat.map(SeatPoolId::wireName).orElse(null),
            pendingSince,
            sourcesJson(resolution),
            agentId);
    store(handle, user, after, reason, actor);
  }

  private void serve(Handle handle, Map<SeatPoolId, String> freed, Caller actor) {
    Deque<Map.Entry<SeatPoolId, String>> queue = new ArrayDeque<>(freed.entrySet());
    UserDao users = Daos.attach(handle, UserDao.class);
    while (!queue.isEmpty()) {
      Map.Entry<SeatPoolId, String> entry = queue.poll();
      SeatPoolId pool = entry.getKey();
      Optional<Tier> tier = pool.tier();
      if (tier.isEmpty()) {
        continue;
      }
      String reason =
          entry.getValue() == null ? "capacity changed" : "seat freed by user " + entry.getValue();
      while (true) {
        Optional<UserRow> next =
            users.oldestPending(tier.get().wireName()).flatMap(id -> UserDao.find(handle, id));
        if (next.isEmpty() || SeatPoolDao.tryTake(handle, pool.wireName()) != 1) {
          break;
        }
        UserRow user = next.get();
        SeatPoolId.parse(user.ccSeat())
            .filter(old -> old != pool)
            .ifPresent(
                old -> {
                  SeatPoolDao.release(handle, old.wireName());
                  queue.add(Map.entry(old, user.userName()));
                });
        UserLicensing licensing = user.licensing();
        store(
            handle,
            user,
            new UserLicensing(
                licensing.effective(),
                LicenseState.ASSIGNED.wireName(),
                pool.wireName(),
                null,
                licensing.sources(),
                licensing.agentId()),
            reason,
            actor);
      }
    }
  }

  private void store(
      Handle handle, UserRow user, UserLicensing after, String reason, Caller actor) {
    UserLicensing before = user.licensing();
    if (after.equals(before)) {
      return;
    }
    UserDao.updateLicensing(handle, user.id(), after, clock.millis());
    welcome.contactCenterChanged(handle, user, before, after);
    audit.record(
        handle,
        user.id(),
        user.userName(),
        PRODUCT,
        describe(before.effective(), before.state()),
        describe(after.effective(), after.state()),
        reason,
        actor);
    if (!Objects.equals(before.agentId(), after.agentId())) {
      audit.record(
          handle,
          user.id(),
          user.userName(),
          "agentId",
          before.agentId() == null ? "none" : before.agentId().toString(),
          after.agentId() == null ? "none" : after.agentId().toString(),
          reason,
          actor);
    }
  }

  /** How a license reads in the audit trail: "none", or "premium (pending)". */
  static String describe(String effective, String state) {
    return Tier.NONE.wireName().equals(effective) ? "none" : effective + " (" + state + ")";
  }

  static List<Demand> demands(UserRow user, List<TemplateDemandRow> templateDemands) {
    JsonNode extension = Representation.parseBody(user.body()).path(ScimUrns.CONTACT_CENTER_USER);
    List<Demand> demands = new ArrayList<>();
    demands.add(Demand.direct(Tier.parse(extension.path("license").asText("none"))));
    demands.add(Demand.role(Role.parse(extension.path("role").asText(null))));
    for (TemplateDemandRow row : templateDemands) {
      demands.add(
          Demand.group(
              row.groupId(), row.groupName(), row.templateName(), Tier.parse(row.contactCenter())));
    }
    return demands;
  }

  static String sourcesJson(Resolution resolution) {
    if (resolution.sources().isEmpty()) {
      return null;
    }
    ArrayNode sources = JsonUtils.getJsonNodeFactory().arrayNode();
    for (Demand demand : resolution.sources()) {
      ObjectNode source = sources.addObject();
      source.put("type", demand.type().wireName());
      if (demand.groupId() != null) {
        source.put("value", demand.groupId());
        source.put("display", demand.groupName());
      }
      source.put("tier", demand.tier().wireName());
    }
    return Representation.bodyText(sources);
  }
}
