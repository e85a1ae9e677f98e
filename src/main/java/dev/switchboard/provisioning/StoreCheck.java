package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.licensing.ContactCenterResolver;
import dev.switchboard.licensing.LicenseState;
import dev.switchboard.licensing.PhoneResolution;
import dev.switchboard.licensing.Resolution;
import dev.switchboard.licensing.SeatPoolId;
import dev.switchboard.licensing.Tier;
import dev.switchboard.scim.Representation;
import dev.switchboard.scim.ScimUrns;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.InvariantQueries;
import dev.switchboard.store.SeatPoolDao;
import dev.switchboard.store.SeatPoolRow;
import dev.switchboard.store.SiteRow;
import dev.switchboard.store.TemplateDao;
import dev.switchboard.store.TemplateDemandRow;
import dev.switchboard.store.UserRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Verifies the store's invariants on one consistent snapshot: seats in use equal their holders and
 * stay within capacity, nobody waits while a seat is free, no agentId, extension or direct number
 * is held twice or for nobody, no row points at a missing resource, and every user's effective
 * values equal a fresh resolution of their demands (licensing.md) — what a crash or a race would
 * break first. Changes nothing. Thread-safe.
 */
public final class StoreCheck {
  private final Database database;

  public StoreCheck(Database database) {
    this.database = database;
  }

  /** What a check found: how much it read and every problem, in words (empty = consistent). */
  public record Report(long users, long groups, List<String> problems) {
    public boolean consistent() {
      return problems.isEmpty();
    }
  }

  public Report run() {
    return database.read(this::check);
  }

  private Report check(Handle handle) {
    InvariantQueries queries = Daos.attach(handle, InvariantQueries.class);
    List<String> problems = new ArrayList<>();
    Map<String, SeatPoolRow> pools = new HashMap<>();
    Daos.attach(handle, SeatPoolDao.class).all().forEach(pool -> pools.put(pool.id(), pool));
    problems.addAll(seatCounts(pools, queries.seatHolders()));
    problems.addAll(queries.agentIdsHeldTwice());
    problems.addAll(queries.extensionsHeldTwice());
    problems.addAll(queries.extensionsNotReserved());
    problems.addAll(queries.extensionsReservedForNobody());
    problems.addAll(queries.extensionsInTheWrongState());
    problems.addAll(queries.directNumbersOutOfStep());
    problems.addAll(queries.danglingReferences());
    problems.addAll(queries.creationCountsOutOfStep());
    long users = 0;
    List<UserRow> page = queries.usersAfter("");
    while (!page.isEmpty()) {
      Map<String, List<TemplateDemandRow>> templates = templatesOf(handle, page);
      for (UserRow user : page) {
        List<TemplateDemandRow> demands = templates.getOrDefault(user.id(), List.of());
        contactCenter(user, demands, pools, problems);
        phone(handle, user, demands, pools, problems);
      }
      users += page.size();
      page = queries.usersAfter(page.get(page.size() - 1).id());
    }
    return new Report(users, queries.groupCount(), List.copyOf(problems));
  }

  private static List<String> seatCounts(
      Map<String, SeatPoolRow> pools, List<InvariantQueries.Holders> holders) {
    Map<String, Long> held = new HashMap<>();
    holders.forEach(h -> held.merge(h.pool(), h.holders(), Long::sum));
    List<String> problems = new ArrayList<>();
    for (SeatPoolRow pool : pools.values()) {
      long holding = held.getOrDefault(pool.id(), 0L);
      if (pool.inUse() != holding) {
        problems.add(
            "pool "
                + pool.id()
                + " counts "
                + pool.inUse()
                + " seats in use, "
                + holding
                + " users hold one");
      }
      if (pool.capacity() != null && pool.inUse() > pool.capacity()) {
        problems.add(
            "pool "
                + pool.id()
                + " has "
                + pool.inUse()
                + " seats in use, over its capacity "
                + pool.capacity());
      }
    }
    held.keySet().stream()
        .filter(id -> !pools.containsKey(id))
        .forEach(id -> problems.add("users hold seats of " + id + ", which is no pool"));
    return problems;
  }

  private static Map<String, List<TemplateDemandRow>> templatesOf(
      Handle handle, List<UserRow> users) {
    Map<String, List<TemplateDemandRow>> templates = new HashMap<>();
    List<String> ids = users.stream().map(UserRow::id).toList();
    for (TemplateDemandRow row : Daos.attach(handle, TemplateDao.class).demandsOf(ids)) {
      templates.computeIfAbsent(row.userId(), k -> new ArrayList<>()).add(row);
    }
    return templates;
  }

  /** The user's contact-center columns against a fresh resolution and the seat rules. */
  private static void contactCenter(
      UserRow user,
      List<TemplateDemandRow> templates,
      Map<String, SeatPoolRow> pools,
      List<String> problems) {
    Resolution fresh =
        ContactCenterResolver.resolve(ContactCenterLicensing.demands(user, templates));
    Tier effective = fresh.effective();
    String who = "user " + user.userName() + ": contact center ";
    if (!effective.wireName().equals(user.ccEffective())) {
      problems.add(
          who + "is " + user.ccEffective() + ", its demands resolve to " + effective.wireName());
    }
    if (!Objects.equals(ContactCenterLicensing.sourcesJson(fresh), user.ccSources())) {
      problems.add(who + "sources " + user.ccSources() + " are not those of its demands");
    }
    Optional<SeatPoolId> wanted = SeatPoolId.forTier(effective);
    LicenseState expected;
    if (effective == Tier.NONE) {
      expected = LicenseState.NONE;
    } else if (!user.active()) {
      expected = LicenseState.SUSPENDED;
    } else {
      boolean holdsWanted =
          wanted.map(SeatPoolId::wireName).equals(Optional.ofNullable(user.ccSeat()));
      expected = holdsWanted ? LicenseState.ASSIGNED : LicenseState.PENDING;
    }
    if (!expected.wireName().equals(user.ccState())) {
      problems.add(
          who
              + "state is "
              + user.ccState()
              + " with seat "
              + user.ccSeat()
              + ", expected "
              + expected.wireName());
    }
    boolean mayHoldSeat =
        expected == LicenseState.ASSIGNED
            || expected == LicenseState.PENDING && lowerSeat(user.ccSeat(), effective);
    if (user.ccSeat() != null && !mayHoldSeat) {
      problems.add(who + "holds a seat of " + user.ccSeat() + " it should not hold");
    }
    pendingSince(who, expected == LicenseState.PENDING, user.ccPendingSince(), problems);
    if (expected == LicenseState.PENDING
        && wanted.map(p -> hasFreeSeat(pools.get(p.wireName()))).orElse(false)) {
      problems.add(who + "waits for a " + effective.wireName() + " seat while one is free");
    }
    if (effective != Tier.NONE && user.agentId() == null) {
      problems.add(who + "is " + effective.wireName() + " but has no agentId");
    }
  }

  /** The user's phone columns against a fresh resolution and the seat and number rules. */
  private static void phone(
      Handle handle,
      UserRow user,
      List<TemplateDemandRow> templates,
      Map<String, SeatPoolRow> pools,
      List<String> problems) {
    JsonNode direct = Representation.parseBody(user.body()).path(ScimUrns.PHONE_USER);
    PhoneResolution fresh = PhoneLicensingEngine.resolve(handle, direct, templates);
    String who = "user " + user.userName() + ": phone ";
    if (fresh.licensed() != user.phoneLicensed()) {
      problems.add(
          who
              + "licensed is "
              + user.phoneLicensed()
              + ", its demands resolve to "
              + fresh.licensed());
      return;
    }
    if (!Objects.equals(PhoneLicensingEngine.sources(fresh), user.phoneSources())) {
      problems.add(who + "sources " + user.phoneSources() + " are not those of its demands");
    }
    LicenseState state;
    if (!fresh.licensed()) {
      state = LicenseState.NONE;
    } else if (!user.active()) {
      state = LicenseState.SUSPENDED;
    } else {
      boolean holdsAll = user.phoneSeat() && user.extension() != null;
      state = holdsAll ? LicenseState.ASSIGNED : LicenseState.PENDING;
    }
    if (!state.wireName().equals(user.phoneState())) {
      problems.add(who + "state is " + user.phoneState() + ", expected " + state.wireName());
    }
    if (user.phoneSeat() && !(fresh.licensed() && user.active())) {
      problems.add(who + "holds a seat it should not hold");
    }
    if (!fresh.licensed() && user.extension() != null) {
      problems.add(who + "is not licensed but holds extension " + user.extension());
    }
    pendingSince(who, state == LicenseState.PENDING, user.phonePendingSince(), problems);
    if (state == LicenseState.PENDING
        && !user.phoneSeat()
        && hasFreeSeat(pools.get(SeatPoolId.PHONE_LICENSED.wireName()))) {
      problems.add(who + "waits for a seat while one is free");
    }
    if (fresh.licensed()) {
      String site = PhoneLicensingEngine.siteOf(handle, fresh).map(SiteRow::id).orElse(null);
      if (!Objects.equals(site, user.phoneSite())) {
        problems.add(who + "site is " + user.phoneSite() + ", its demands resolve to " + site);
      }
      String callingPackage = fresh.callingPackage().orElse(null);
      if (!Objects.equals(callingPackage, user.phonePackage())) {
        problems.add(
            who
                + "calling package is "
                + user.phonePackage()
                + ", its demands resolve to "
                + callingPackage);
      }
    }
  }

  private static void pendingSince(
      String who, boolean pending, Long pendingSince, List<String> problems) {
    if (pending && pendingSince == null) {
      problems.add(who + "waits but has no pendingSince: the queue cannot order it");
    } else if (!pending && pendingSince != null) {
      problems.add(who + "does not wait but has a pendingSince");
    }
  }

  private static boolean lowerSeat(String seat, Tier wanted) {
    return SeatPoolId.parse(seat)
        .flatMap(SeatPoolId::tier)
        .map(held -> held.compareTo(wanted) < 0)
        .orElse(false);
  }

  private static boolean hasFreeSeat(SeatPoolRow pool) {
    return pool != null && (pool.capacity() == null || pool.inUse() < pool.capacity());
  }
}
