package dev.switchboard.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.licensing.Role;
import dev.switchboard.licensing.Tier;
import dev.switchboard.scim.ScimUrns;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Applies one row to a user's stored body. {@code sync} sets each given value; {@code add} only
 * raises a license or role, adds queues and direct numbers, turns the phone license on, upgrades to
 * a higher-ranked calling package, and fills a site or extension the user does not have. An
 * extension equal to the one the user already holds changes nothing, so an exported file imports
 * back unchanged. Stateless.
 */
public final class DirectValueEdit {
  private DirectValueEdit() {}

  /**
   * Edits {@code body} in place.
   *
   * @param heldExtension the extension the user holds now (assigned automatically or not), or null
   * @param packageRank the rank of a calling package by name; {@code Long.MIN_VALUE} if unknown
   */
  public static void apply(
      ImportMode mode,
      ImportRow row,
      ObjectNode body,
      String heldExtension,
      ToLongFunction<String> packageRank) {
    boolean sync = mode == ImportMode.SYNC;
    ObjectNode cc = extension(body, ScimUrns.CONTACT_CENTER_USER);
    if (row.license() != null && (sync || Tier.parse(row.license()).compareTo(tier(cc)) > 0)) {
      cc.put("license", row.license());
    }
    if (row.role() != null
        && (sync || Role.parse(row.role()).compareTo(Role.parse(cc.path("role").asText())) > 0)) {
      cc.put("role", row.role());
    }
    setList(cc, "queues", row.queues(), sync);

    ObjectNode phone = extension(body, ScimUrns.PHONE_USER);
    if (row.phoneLicensed() != null && (sync || row.phoneLicensed())) {
      phone.put("licensed", row.phoneLicensed());
    }
    String currentPackage = phone.path("callingPackage").asText(null);
    if (row.callingPackage() != null
        && (sync
            || currentPackage == null
            || packageRank.applyAsLong(row.callingPackage())
                > packageRank.applyAsLong(currentPackage))) {
      setText(phone, "callingPackage", row.callingPackage());
    }
    if (row.site() != null && (sync || !phone.hasNonNull("site"))) {
      setText(phone, "site", row.site());
    }
    if (row.extensionNumber() != null
        && !row.extensionNumber().equals(heldExtension)
        && (sync || heldExtension == null)) {
      setText(phone, "extensionNumber", row.extensionNumber());
    }
    setList(phone, "directNumbers", row.directNumbers(), sync);
    dropIfEmpty(body, ScimUrns.CONTACT_CENTER_USER);
    dropIfEmpty(body, ScimUrns.PHONE_USER);
  }

  private static Tier tier(ObjectNode cc) {
    return cc.hasNonNull("license") ? Tier.parse(cc.get("license").asText()) : Tier.NONE;
  }

  private static void setText(ObjectNode extension, String name, String value) {
    if (value.isEmpty()) {
      extension.remove(name);
    } else {
      extension.put(name, value);
    }
  }

  /** Sync replaces the list (empty clears it); add keeps what is there and appends the rest. */
  private static void setList(
      ObjectNode extension, String name, List<String> values, boolean sync) {
    if (values == null) {
      return;
    }
    Set<String> merged = new LinkedHashSet<>();
    if (!sync) {
      extension.path(name).forEach(v -> merged.add(v.asText()));
    }
    merged.addAll(values);
    if (merged.isEmpty()) {
      extension.remove(name);
      return;
    }
    ArrayNode array = extension.putArray(name);
    merged.forEach(array::add);
  }

  private static ObjectNode extension(ObjectNode body, String urn) {
    JsonNode node = body.get(urn);
    return node != null && node.isObject() ? (ObjectNode) node : body.putObject(urn);
  }

  private static void dropIfEmpty(ObjectNode body, String urn) {
    if (body.path(urn).isEmpty()) {
      body.remove(urn);
    }
  }
}
