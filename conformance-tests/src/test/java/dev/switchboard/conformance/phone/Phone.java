package dev.switchboard.conformance.phone;

import static dev.switchboard.conformance.support.ScimAssertions.assertScimJson;
import static dev.switchboard.conformance.support.ScimAssertions.assertSuccessful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.conformance.support.CommonRequests;
import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.FreshServer;
import dev.switchboard.conformance.support.Json;
import dev.switchboard.conformance.support.ScimResponse;
import dev.switchboard.conformance.support.Urns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The phone contract's names (issue 5, api.md) and the requests the phone tests repeat, in the
 * shapes IdPs (Entra, Okta) and admin scripts send them. Each write asserts its success so that a
 * broken precondition fails where it happens. Stateless apart from the counters handing out fresh
 * extension ranges and E.164 numbers.
 */
final class Phone extends CommonRequests {

  /** The phone User extension (P). */
  static final String P = Urns.PHONE_USER;

  static final String SITE = "urn:switchboard:params:scim:schemas:core:1.0:Site";
  static final String CALLING_PACKAGE =
      "urn:switchboard:params:scim:schemas:core:1.0:CallingPackage";
  static final String PHONE_NUMBER = "urn:switchboard:params:scim:schemas:core:1.0:PhoneNumber";

  /** The phone seat pool's id. */
  static final String PHONE_POOL = "phone.licensed";

  /** The phone audit states, as {@code before}/{@code after} of product {@code phone}. */
  static final String ASSIGNED = "licensed (assigned)";

  static final String PENDING = "licensed (pending)";
  static final String SUSPENDED = "licensed (suspended)";
  static final String NONE = "none";

  /** Blocks of {@link #BLOCK} five-digit numbers, from 10000 up; one per {@link #freshRange}. */
  private static final int BLOCK = 200;

  private static final AtomicInteger NEXT_BLOCK = new AtomicInteger();
  private static final AtomicLong NEXT_NUMBER = new AtomicLong(1_000_000);

  private Phone() {}

  // ---- extension ranges and E.164 numbers ----

  /** An extension range {@code first…last} of equal-length digit strings. */
  record Range(int first, int last) {

    String from() {
      return String.valueOf(first);
    }

    String to() {
      return String.valueOf(last);
    }

    int size() {
      return last - first + 1;
    }

    /** The {@code offset}-th number of the range, e.g. {@code number(0)} is {@link #from()}. */
    String number(int offset) {
      assertTrue(offset >= 0 && offset < size(), "offset " + offset + " outside " + this);
      return String.valueOf(first + offset);
    }

    /** The numbers {@code number(fromOffset)} … {@code number(fromOffset + count - 1)}. */
    Set<String> numbers(int fromOffset, int count) {
      Set<String> numbers = new TreeSet<>();
      for (int i = 0; i < count; i++) {
        numbers.add(number(fromOffset + i));
      }
      return numbers;
    }

    boolean contains(String extension) {
      return extension != null
          && extension.length() == from().length()
          && extension.chars().allMatch(Character::isDigit)
          && Integer.parseInt(extension) >= first
          && Integer.parseInt(extension) <= last;
    }

    /** {@code {"from": "…", "to": "…"}} */
    String json() {
      return "{\"from\": " + Json.quote(from()) + ", \"to\": " + Json.quote(to()) + "}";
    }
  }

  /**
   * A five-digit range of {@code size} numbers (at most 200) that no other range handed out by this
   * JVM overlaps, so sites created with them never collide.
   */
  static Range freshRange(int size) {
    assertTrue(size >= 1 && size <= BLOCK, "range size " + size);
    int first = 10_000 + NEXT_BLOCK.getAndIncrement() * BLOCK;
    assertTrue(first + BLOCK <= 100_000, "out of five-digit blocks");
    return new Range(first, first + size - 1);
  }

  /** A fresh valid E.164 number, e.g. {@code +46701000001} (11 digits). */
  static String freshE164() {
    return "+4670" + NEXT_NUMBER.incrementAndGet();
  }

  // ---- sites ----

  /** A Site body with the default cooldown and hold. */
  static String siteJson(String name, Range... ranges) {
    return """
    {"schemas": ["%s"], "name": %s, "extensionRanges": [%s]}
    """
        .formatted(SITE, Json.quote(name), rangesJson(ranges));
  }

  /** A Site body with these days. */
  static String siteJson(String name, int cooldownDays, int holdDays, Range... ranges) {
    return """
    {"schemas": ["%s"], "name": %s, "extensionRanges": [%s],
     "extensionCooldownDays": %d, "holdDays": %d}
    """
        .formatted(SITE, Json.quote(name), rangesJson(ranges), cooldownDays, holdDays);
  }

  static String rangesJson(Range... ranges) {
    return Arrays.stream(ranges).map(Range::json).collect(Collectors.joining(", "));
  }

  /** POSTs a site with the default cooldown (0) and hold (30); returns its id. */
  static String newSite(FreshServer.Client admin, String name, Range... ranges) {
    return assertScimJson(admin.post("/Sites", siteJson(name, ranges)), 201).path("id").asText();
  }

  /** POSTs a site with these days; returns its id. */
  static String newSite(
      FreshServer.Client admin, String name, int cooldownDays, int holdDays, Range... ranges) {
    return assertScimJson(admin.post("/Sites", siteJson(name, cooldownDays, holdDays, ranges)), 201)
        .path("id")
        .asText();
  }

  static JsonNode getSite(FreshServer.Client admin, String id) {
    return assertScimJson(admin.get("/Sites/" + id), 200);
  }

  /** PATCHes one Site attribute: {@code replace path value}. */
  static ScimResponse patchSite(
      FreshServer.Client admin, String id, String attribute, String jsonValue) {
    return admin.patch("/Sites/" + id, replace(attribute, jsonValue));
  }

  /** Every site (up to 1000). */
  static List<JsonNode> sites(FreshServer.Client admin) {
    return list(admin, "/Sites", null);
  }

  /** The sites whose {@code isDefault} is JSON true, read from the full list. */
  static List<JsonNode> defaultSites(FreshServer.Client admin) {
    List<JsonNode> defaults = new ArrayList<>();
    for (JsonNode site : sites(admin)) {
      if (site.path("isDefault").isBoolean() && site.path("isDefault").booleanValue()) {
        defaults.add(site);
      }
    }
    return defaults;
  }

  /** Asserts exactly one site is the default and returns it. */
  static JsonNode assertOneDefault(FreshServer.Client admin) {
    List<JsonNode> defaults = defaultSites(admin);
    assertEquals(
        1, defaults.size(), () -> "exactly one site must be the default; sites: " + sites(admin));
    return defaults.get(0);
  }

  // ---- calling packages ----

  static String packageJson(String name, int rank) {
    return """
    {"schemas": ["%s"], "name": %s, "rank": %d}
    """
        .formatted(CALLING_PACKAGE, Json.quote(name), rank);
  }

  /** POSTs a calling package; returns its id. */
  static String newPackage(FreshServer.Client admin, String name, int rank) {
    return assertScimJson(admin.post("/CallingPackages", packageJson(name, rank)), 201)
        .path("id")
        .asText();
  }

  // ---- the number inventory ----

  /** A PhoneNumber body; {@code siteName} may be null (no site). */
  static String numberJson(String number, String siteName) {
    String site = siteName == null ? "" : ", \"site\": " + Json.quote(siteName);
    return """
    {"schemas": ["%s"], "number": %s%s}
    """
        .formatted(PHONE_NUMBER, Json.quote(number), site);
  }

  /** POSTs a number to the inventory; returns its id. */
  static String newNumber(FreshServer.Client admin, String number, String siteName) {
    return assertScimJson(admin.post("/PhoneNumbers", numberJson(number, siteName)), 201)
        .path("id")
        .asText();
  }

  static JsonNode getNumber(FreshServer.Client admin, String id) {
    return assertScimJson(admin.get("/PhoneNumbers/" + id), 200);
  }

  /**
   * Asserts the inventory number's {@code state} and, when {@code userId} is not null, that {@code
   * assignedTo.value} names that user; when it is null, that no one is named. Returns the number.
   */
  static JsonNode assertNumber(
      FreshServer.Client admin, String numberId, String state, String userId) {
    JsonNode number = getNumber(admin, numberId);
    assertEquals(state, number.path("state").asText(null), () -> "state of " + number);
    if (userId == null) {
      JsonNode assignedTo = number.path("assignedTo");
      assertTrue(
          assignedTo.isMissingNode()
              || assignedTo.isNull()
              || assignedTo.path("value").isMissingNode()
              || assignedTo.path("value").isNull(),
          () -> "a " + state + " number names no user: " + number);
    } else {
      assertEquals(
          userId,
          number.path("assignedTo").path("value").asText(null),
          () -> "assignedTo of " + number);
    }
    return number;
  }

  // ---- users ----

  /** POSTs a user with no phone attributes; returns its id. */
  static String newUser(FreshServer.Client idp, String userName) {
    return newUser(idp, userName, null);
  }

  /**
   * POSTs an active user whose phone extension object is {@code phoneJson} (e.g. {@code
   * {"licensed": true, "site": "Stockholm"}}); returns its id.
   */
  static String newUser(FreshServer.Client idp, String userName, String phoneJson) {
    return assertScimJson(postUser(idp, userName, phoneJson), 201).path("id").asText();
  }

  /** POSTs the user of {@link #newUser(FreshServer.Client, String, String)}, answer unchecked. */
  static ScimResponse postUser(FreshServer.Client idp, String userName, String phoneJson) {
    return idp.post("/Users", userJson(userName, phoneJson));
  }

  static String userJson(String userName, String phoneJson) {
    String schemas =
        phoneJson == null ? Json.quote(Urns.USER) : Json.quote(Urns.USER) + ", " + Json.quote(P);
    String extension = phoneJson == null ? "" : ", " + Json.quote(P) + ": " + phoneJson;
    return """
    {"schemas": [%s], "userName": %s, "active": true%s}
    """
        .formatted(schemas, Json.quote(userName), extension);
  }

  /** {@code {"licensed": true, "site": siteName}} */
  static String licensedOn(String siteName) {
    return "{\"licensed\": true, \"site\": " + Json.quote(siteName) + "}";
  }

  /** {@code {"licensed": true, "site": siteName, "callingPackage": packageName}} */
  static String licensedOn(String siteName, String packageName) {
    return "{\"licensed\": true, \"site\": "
        + Json.quote(siteName)
        + ", \"callingPackage\": "
        + Json.quote(packageName)
        + "}";
  }

  /** {@code {"licensed": true, "site": siteName, "extensionNumber": extension}} */
  static String licensedWithExtension(String siteName, String extension) {
    return "{\"licensed\": true, \"site\": "
        + Json.quote(siteName)
        + ", \"extensionNumber\": "
        + Json.quote(extension)
        + "}";
  }

  /** The phone extension of a user resource (a missing node when absent). */
  static JsonNode phone(JsonNode user) {
    return user.path(P);
  }

  /** The phone extension of the user as the server shows it now. */
  static JsonNode phone(FreshServer.Client client, String userId) {
    return phone(getUser(client, userId));
  }

  /** PATCHes one phone attribute by its full-URN path, as Entra does; answer unchecked. */
  static ScimResponse patchPhone(
      FreshServer.Client idp, String userId, String attribute, String jsonValue) {
    return idp.patch("/Users/" + userId, replace(P + ":" + attribute, jsonValue));
  }

  /** PATCHes one phone attribute by its full-URN path and asserts a 2xx. */
  static void setPhone(FreshServer.Client idp, String userId, String attribute, String jsonValue) {
    assertSuccessful(patchPhone(idp, userId, attribute, jsonValue));
  }

  /** PATCHes the user's directNumbers to exactly {@code numbers}; answer unchecked. */
  static ScimResponse patchDirectNumbers(FreshServer.Client idp, String userId, String... numbers) {
    String array =
        Arrays.stream(numbers).map(Json::quote).collect(Collectors.joining(", ", "[", "]"));
    return patchPhone(idp, userId, "directNumbers", array);
  }

  /** PATCH {@code Remove} of one phone attribute by its full-URN path; asserts a 2xx. */
  static void removePhone(FreshServer.Client idp, String userId, String attribute) {
    assertSuccessful(
        idp.patch(
            "/Users/" + userId,
            Fixtures.patch(
                """
                {"op": "Remove", "path": "%s:%s"}
                """
                    .formatted(P, attribute))));
  }

  /** Entra's disable: {@code Replace active "False"}. */
  static void deactivateEntra(FreshServer.Client idp, String userId) {
    assertSuccessful(idp.patch("/Users/" + userId, replace("active", "\"False\"")));
  }

  /** Entra's enable: {@code Replace active "True"}. */
  static void reactivateEntra(FreshServer.Client idp, String userId) {
    assertSuccessful(idp.patch("/Users/" + userId, replace("active", "\"True\"")));
  }

  /** Okta's reactivate: a no-path replace carrying {@code {"active": true}}. */
  static void reactivateOkta(FreshServer.Client idp, String userId) {
    assertSuccessful(
        idp.patch(
            "/Users/" + userId,
            Fixtures.patch(
                """
                {"op": "replace", "value": {"active": true}}
                """)));
  }

  /** Asserts the user's effectiveLicensed and licenseState; returns its phone extension. */
  static JsonNode assertPhone(
      FreshServer.Client client, String userId, boolean effectiveLicensed, String state) {
    JsonNode user = getUser(client, userId);
    JsonNode phone = phone(user);
    String who = user.path("userName").asText(userId);
    assertTrue(
        phone.isObject(),
        () -> who + ": every user shows the phone extension " + P + "; user is " + user);
    assertTrue(
        phone.path("effectiveLicensed").isBoolean(),
        () -> who + ": effectiveLicensed must be a JSON boolean; phone extension is " + phone);
    assertEquals(
        effectiveLicensed,
        phone.path("effectiveLicensed").booleanValue(),
        () -> who + ": effectiveLicensed; phone extension is " + phone);
    assertEquals(
        state,
        phone.path("licenseState").asText(null),
        () -> who + ": licenseState; phone extension is " + phone);
    return phone;
  }

  /**
   * The extension number the user holds, or null when it holds none (absent, null, empty or the
   * {@code "0"} that means "automatic"). Asserts it is a JSON string when present.
   */
  static String extensionOf(JsonNode phone) {
    JsonNode extension = phone.path("extensionNumber");
    if (extension.isMissingNode() || extension.isNull()) {
      return null;
    }
    assertTrue(
        extension.isTextual(), () -> "extensionNumber must be a JSON string; phone is " + phone);
    String text = extension.asText();
    return text.isEmpty() || "0".equals(text) ? null : text;
  }

  /** The extension number the user holds now (null when none). */
  static String extensionOf(FreshServer.Client client, String userId) {
    return extensionOf(phone(client, userId));
  }

  /** Asserts the user holds {@code expected} (null = no number); returns its phone extension. */
  static JsonNode assertExtension(FreshServer.Client client, String userId, String expected) {
    JsonNode phone = phone(client, userId);
    assertEquals(expected, extensionOf(phone), () -> "extensionNumber of " + userId + ": " + phone);
    return phone;
  }

  /** The user's directNumbers (empty when absent). */
  static List<String> directNumbersOf(JsonNode phone) {
    return Json.texts(phone.path("directNumbers"));
  }

  /** The user's licenseSources as {@code "type:tier"} or {@code "group:<id>:tier"} strings. */
  static Set<String> sourceKeys(JsonNode phone) {
    Set<String> keys = new TreeSet<>();
    for (JsonNode source : phone.path("licenseSources")) {
      String type = source.path("type").asText();
      String tier = source.path("tier").asText();
      keys.add(
          "group".equals(type)
              ? "group:" + source.path("value").asText() + ":" + tier
              : type + ":" + tier);
    }
    return keys;
  }

  // ---- groups and memberships ----

  // ---- license templates ----

  /**
   * A LicenseTemplate body; {@code fields} is further JSON members, e.g. {@code "phone": true,
   * "site": "Stockholm"} (may be empty).
   */
  static String templateJson(String name, String groupJson, String fields) {
    String more = fields == null || fields.isBlank() ? "" : ", " + fields;
    return """
    {"schemas": ["%s"], "name": %s, "group": %s%s}
    """
        .formatted(TEMPLATE, Json.quote(name), groupJson, more);
  }

  /** POSTs a template; returns its id. */
  static String newTemplate(
      FreshServer.Client admin, String name, String groupJson, String fields) {
    return assertScimJson(
            admin.post("/LicenseTemplates", templateJson(name, groupJson, fields)), 201)
        .path("id")
        .asText();
  }

  /** {@code "phone": true} plus a site, a package and a precedence where not null. */
  static String phoneFields(String siteName, String packageName, Integer precedence) {
    StringBuilder fields = new StringBuilder("\"phone\": true");
    if (siteName != null) {
      fields.append(", \"site\": ").append(Json.quote(siteName));
    }
    if (packageName != null) {
      fields.append(", \"callingPackage\": ").append(Json.quote(packageName));
    }
    if (precedence != null) {
      fields.append(", \"precedence\": ").append(precedence);
    }
    return fields.toString();
  }

  /** PATCHes one template attribute ({@code replace}); asserts a 2xx. */
  static void setTemplate(
      FreshServer.Client admin, String templateId, String attribute, String jsonValue) {
    assertSuccessful(admin.patch("/LicenseTemplates/" + templateId, replace(attribute, jsonValue)));
  }

  // ---- the phone seat pool ----

  static JsonNode pool(FreshServer.Client admin) {
    return assertScimJson(admin.get("/SeatPools/" + PHONE_POOL), 200);
  }

  static int inUse(FreshServer.Client admin) {
    return intOf(pool(admin), "inUse");
  }

  static int pendingSeats(FreshServer.Client admin) {
    return intOf(pool(admin), "pending");
  }

  /** Asserts the phone pool's inUse and pending. */
  static void assertPool(FreshServer.Client admin, int inUse, int pending) {
    JsonNode pool = pool(admin);
    assertEquals(inUse, intOf(pool, "inUse"), () -> PHONE_POOL + ".inUse: " + pool);
    assertEquals(pending, intOf(pool, "pending"), () -> PHONE_POOL + ".pending: " + pool);
  }

  /** PUTs {@code {"capacity": n}} on the phone pool; asserts 200. */
  static void setCapacity(FreshServer.Client admin, int capacity) {
    assertScimJson(
        admin.put(
            "/SeatPools/" + PHONE_POOL,
            """
            {"schemas": ["%s"], "capacity": %d}
            """
                .formatted(SEAT_POOL, capacity)),
        200);
  }

  /** PATCH remove capacity: the phone pool is unlimited again. */
  static void removeCapacity(FreshServer.Client admin) {
    assertSuccessful(
        admin.patch(
            "/SeatPools/" + PHONE_POOL,
            Fixtures.patch(
                """
                {"op": "remove", "path": "capacity"}
                """)));
  }

  // ---- audit ----

  /** The audit events of one user and one product. */
  static List<JsonNode> auditOf(FreshServer.Client admin, String userId, String product) {
    return auditEvents(
        admin, "user.value eq " + Json.quote(userId) + " and product eq " + Json.quote(product));
  }

  // ---- plumbing ----

  /** A PatchOp body with one {@code Replace} of {@code path}. */
  static String replace(String path, String jsonValue) {
    return Fixtures.patch(
        """
        {"op": "Replace", "path": %s, "value": %s}
        """
            .formatted(Json.quote(path), jsonValue));
  }
}
