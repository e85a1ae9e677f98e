package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.licensing.PhoneDemand;
import dev.switchboard.licensing.PhoneResolution;
import dev.switchboard.licensing.PhoneResolver;
import dev.switchboard.licensing.SeatPoolId;
import dev.switchboard.scim.Representation;
import dev.switchboard.scim.ScimUrns;
import dev.switchboard.store.CallingPackageDao;
import dev.switchboard.store.CaselessKey;
import dev.switchboard.store.Daos;
import dev.switchboard.store.ExtensionDao;
import dev.switchboard.store.PhoneLicensing;
import dev.switchboard.store.PhoneNumberDao;
import dev.switchboard.store.SeatPoolDao;
import dev.switchboard.store.SiteDao;
import dev.switchboard.store.SiteRange;
import dev.switchboard.store.SiteRow;
import dev.switchboard.store.TemplateDemandRow;
import dev.switchboard.store.UserDao;
import dev.switchboard.store.UserRow;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Resolves users' phones inside the transaction of the change: license and seat, calling package,
 * site, extension number (lowest free of the site's ranges), direct numbers; holds a deactivated
 * user's numbers for the site's holdDays and lets released numbers cool down. Users waiting for a
 * seat or a number are served oldest first whenever one frees. Thread-safe.
 */
final class PhoneLicensingEngine {
  static final String PRODUCT = "phone";
  private static final String POOL = SeatPoolId.PHONE_LICENSED.wireName();

  private final Clock clock;
  private final AuditTrail audit;

  private final DirectNumberSync directNumbers;
  private final WelcomeMail welcome;

  PhoneLicensingEngine(Clock clock, AuditTrail audit, WelcomeMail welcome) {
    this.clock = clock;
    this.audit = audit;
    this.welcome = welcome;
    this.directNumbers = new DirectNumberSync(audit);
  }

  /** Resolves one user's phone; returns true when it freed a seat or a number. */
  boolean resolve(
      Handle handle, UserRow user, List<TemplateDemandRow> templates, String reason, Caller actor) {
    ObjectNode body = Representation.parseBody(user.body());
    JsonNode direct = body.path(ScimUrns.PHONE_USER);
    PhoneResolution resolution = resolve(handle, direct, templates);
    Optional<SiteRow> site = siteOf(handle, resolution);
    boolean licensed = resolution.licensed();
    boolean active = user.active();
    PhoneLicensing before = user.phone();
    boolean freed = false;

    boolean seat = before.seat();
    if (seat && !(licensed && active)) {
      SeatPoolDao.release(handle, POOL);
      seat = false;
      freed = true;
    }
    if (!seat && licensed && active) {
      seat = SeatPoolDao.tryTake(handle, POOL) == 1;
    }

    String extension = before.extension();
    long now = clock.millis();
    ExtensionDao extensions = Daos.attach(handle, ExtensionDao.class);
    if (licensed && active) {
      extensions.endCooldowns(now); // only a user who may take an extension needs them ended
    }
    if (extension != null && !licensed) {
      release(handle, extension, site, now);
      extension = null;
      freed = true;
    } else if (extension != null && !active) {
      long holdDays = site.map(SiteRow::holdDays).orElse(0L);
      if (holdDays <= 0) {
        release(handle, extension, site, now);
        extension = null;
        freed = true;
      } else {
        extensions.mark(extension, "held", now + Duration.ofDays(holdDays).toMillis());
      }
    } else if (extension != null) {
      extensions.mark(extension, "assigned", null);
    }
    String explicit = explicitExtension(direct);
    if (licensed && active && explicit != null && !explicit.equals(extension)) {
      if (extensions.exists(explicit) == 0) {
        if (extension != null) {
          release(handle, extension, site, now);
          freed = true;
        }
        extensions.take(explicit, Long.parseLong(explicit), explicit.length(), user.id());
        extension = explicit;
      }
    }
    if (licensed && active && extension == null && site.isPresent()) {
      extension = allocate(handle, site.get(), user.id()).orElse(null);
    }

    String callingPackage = licensed ? resolution.callingPackage().orElse(null) : null;
    freed |=
        directNumbers.sync(
            handle, user, body, callingPackage != null, active, site, now, reason, actor);

    String state;
    if (!licensed) {
      state = "none";
    } else if (!active) {
      state = "suspended";
    } else {
      state = seat && extension != null ? "assigned" : "pending";
    }
    Long pendingSince = null;
    if (state.equals("pending")) {
      pendingSince = "pending".equals(before.state()) ? before.pendingSince() : now;
    }
    PhoneLicensing after =
        new PhoneLicensing(
            licensed,
            state,
            seat,
            pendingSince,
            sources(resolution),
            callingPackage,
            site.map(SiteRow::id).orElse(null),
            extension);
    if (!after.equals(before)) {
      Daos.attach(handle, UserDao.class).updatePhone(user.id(), after, now);
      welcome.phoneChanged(handle, user, before, after);
      record(handle, user, "phone", describe(before), describe(after), reason, actor);
      record(
          handle, user, "extension", orNone(before.extension()), orNone(extension), reason, actor);
      record(
          handle,
          user,
          "site",
          siteName(handle, before.licensed() ? before.siteId() : null),
          siteName(handle, licensed ? after.siteId() : null),
          reason,
          actor);
      record(
          handle,
          user,
          "callingPackage",
          orNone(before.callingPackage()),
          orNone(callingPackage),
          reason,
          actor);
    }
    return freed;
  }

  /** Resolves the phone demands of a user's direct values ({@code direct}) and templates. */
  static PhoneResolution resolve(
      Handle handle, JsonNode direct, List<TemplateDemandRow> templates) {
    List<PhoneDemand> demands = new ArrayList<>();
    demands.add(
        PhoneDemand.direct(
            direct.path("licensed").asBoolean(false),
            text(direct, "callingPackage"),
            text(direct, "site")));
    for (TemplateDemandRow row : templates) {
      JsonNode template = Representation.parseBody(row.templateBody());
      demands.add(
          PhoneDemand.group(
              row.groupId(),
              row.groupName(),
              row.templateName(),
              row.precedence(),
              template.path("phone").asBoolean(false),
              text(template, "callingPackage"),
              text(template, "site")));
    }
    // Ranks only choose between packages: most users name none, and skip the catalogue read.
    boolean namesPackage = demands.stream().anyMatch(d -> d.callingPackage() != null);
    return PhoneResolver.resolve(demands, namesPackage ? ranks(handle) : Map.of());
  }

  /** The site a resolution names, or the default site when it names none (or an unknown one). */
  static Optional<SiteRow> siteOf(Handle handle, PhoneResolution resolution) {
    SiteDao sites = Daos.attach(handle, SiteDao.class);
    return resolution
        .site()
        .flatMap(name -> sites.byNameKey(CaselessKey.of(name)))
        .or(sites::defaultSite);
  }

  /** Releases everything a deleted user holds, at once (cooldown still applies). */
  void releaseForDeletion(Handle handle, UserRow user, Caller actor) {
    long now = clock.millis();
    Optional<SiteRow> site =
        Optional.ofNullable(user.phoneSite()).flatMap(Daos.attach(handle, SiteDao.class)::columns);
    if (user.phoneSeat()) {
      SeatPoolDao.release(handle, POOL);
    }
    if (user.extension() != null) {
      release(handle, user.extension(), site, now);
      record(handle, user, "extension", user.extension(), "none", "deleted", actor);
    }
    PhoneNumberDao numbers = Daos.attach(handle, PhoneNumberDao.class);
    for (PhoneNumberDao.NumberState number : numbers.heldBy(user.id())) {
      directNumbers.release(handle, number, now);
      record(handle, user, "directNumber", number.number(), "none", "deleted", actor);
    }
    record(handle, user, "phone", describe(user.phone()), "none", "deleted", actor);
  }

  /** Ends expired holds and cooldowns (the background sweep); returns the users affected. */
  Set<String> sweep(Handle handle) {
    long now = clock.millis();
    Set<String> affected = new LinkedHashSet<>();
    ExtensionDao extensions = Daos.attach(handle, ExtensionDao.class);
    UserDao users = Daos.attach(handle, UserDao.class);
    for (String number : extensions.expiredHolds(now)) {
      Optional<UserRow> holder = extensions.holder(number).flatMap(id -> UserDao.find(handle, id));
      holder.ifPresent(user -> affected.add(user.id()));
      Optional<SiteRow> site =
          holder
              .map(UserRow::phoneSite)
              .flatMap(siteId -> Daos.attach(handle, SiteDao.class).columns(siteId));
      release(handle, number, site, now); // the hold ends; the site's cooldown begins
    }
    extensions.endCooldowns(now);
    PhoneNumberDao numbers = Daos.attach(handle, PhoneNumberDao.class);
    for (String number : numbers.expiredHolds(now)) {
      numbers.byNumber(number).ifPresent(n -> affected.add(n.userId()));
      numbers.setState(number, "unassigned", null, null, now);
    }
    numbers.endCooldowns(now);
    for (String userId : affected) {
      UserDao.find(handle, userId)
          .ifPresent(
              user -> {
                PhoneLicensing p = user.phone();
                if (p.extension() != null && extensions.holder(p.extension()).isEmpty()) {
                  users.updatePhone(
                      userId,
                      new PhoneLicensing(
                          p.licensed(),
                          p.state(),
                          p.seat(),
                          p.pendingSince(),
                          p.sources(),
                          p.callingPackage(),
                          p.siteId(),
                          null),
                      now);
                }
              });
    }
    return affected;
  }

  /** The users waiting for a phone seat or number, oldest first. */
  List<String> pending(Handle handle) {
    return Daos.attach(handle, UserDao.class).phonePending();
  }

  private Optional<String> allocate(Handle handle, SiteRow site, String userId) {
    ExtensionDao extensions = Daos.attach(handle, ExtensionDao.class);
    for (SiteRange range : Daos.attach(handle, SiteDao.class).ranges(site.id())) {
      Long free = extensions.lowestFree(range.rangeFrom(), range.rangeTo(), range.digits());
      if (free != null && free <= range.rangeTo()) {
        String number = String.format("%0" + range.digits() + "d", free);
        extensions.take(number, free, range.digits(), userId);
        return Optional.of(number);
      }
    }
    return Optional.empty();
  }

  private void release(Handle handle, String number, Optional<SiteRow> site, long now) {
    long cooldownDays = site.map(SiteRow::cooldownDays).orElse(0L);
    ExtensionDao extensions = Daos.attach(handle, ExtensionDao.class);
    if (cooldownDays <= 0) {
      extensions.delete(number);
    } else {
      extensions.coolDown(number, now + Duration.ofDays(cooldownDays).toMillis());
    }
  }

  private static Map<String, Long> ranks(Handle handle) {
    Map<String, Long> ranks = new HashMap<>();
    for (CallingPackageDao.Ranked p : Daos.attach(handle, CallingPackageDao.class).all()) {
      ranks.put(p.name().toLowerCase(), p.rank());
    }
    return ranks;
  }

  static String sources(PhoneResolution resolution) {
    if (resolution.sources().isEmpty()) {
      return null;
    }
    ArrayNode sources = JsonUtils.getJsonNodeFactory().arrayNode();
    for (PhoneDemand demand : resolution.sources()) {
      List<String> tiers = new ArrayList<>();
      if (demand.licensed()) {
        tiers.add("licensed");
      }
      if (demand.callingPackage() != null && resolution.callingPackage().isPresent()) {
        tiers.add(demand.callingPackage());
      }
      for (String tier : tiers) {
        ObjectNode source = sources.addObject();
        source.put("type", demand.type().wireName());
        if (demand.groupId() != null) {
          source.put("value", demand.groupId());
          source.put("display", demand.groupName());
        }
        source.put("tier", tier);
      }
    }
    return sources.isEmpty() ? null : Representation.bodyText(sources);
  }

  private void record(
      Handle handle,
      UserRow user,
      String product,
      String before,
      String after,
      String reason,
      Caller actor) {
    audit.record(handle, user.id(), user.userName(), product, before, after, reason, actor);
  }

  static String explicitExtension(JsonNode direct) {
    String value = text(direct, "extensionNumber");
    return value == null || value.equals("0") ? null : value;
  }

  private static String describe(PhoneLicensing phone) {
    return phone.licensed() ? "licensed (" + phone.state() + ")" : "none";
  }

  private static String siteName(Handle handle, String siteId) {
    if (siteId == null) {
      return "none";
    }
    return Daos.attach(handle, SiteDao.class).columns(siteId).map(SiteRow::name).orElse("none");
  }

  private static String orNone(String value) {
    return value == null ? "none" : value;
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }
}
