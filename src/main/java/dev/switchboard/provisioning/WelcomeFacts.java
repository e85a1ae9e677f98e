package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.licensing.Role;
import dev.switchboard.scim.Representation;
import dev.switchboard.scim.ScimUrns;
import dev.switchboard.store.Daos;
import dev.switchboard.store.PhoneLicensing;
import dev.switchboard.store.PhoneNumberDao;
import dev.switchboard.store.SiteDao;
import dev.switchboard.store.SiteRow;
import dev.switchboard.store.UserLicensing;
import dev.switchboard.store.UserRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The values a welcome email's template is filled with (see {@code mail.WelcomeTemplates}), taken
 * from a user as licensing left it, and the address it goes to. Stateless.
 */
final class WelcomeFacts {
  private WelcomeFacts() {}

  /** The primary email address, else the first; null when the user has none. */
  static String recipient(UserRow user) {
    String first = null;
    for (JsonNode email : Representation.parseBody(user.body()).path("emails")) {
      String value = email.path("value").asText("").trim();
      if (value.isEmpty()) {
        continue;
      }
      if (email.path("primary").asBoolean(false)) {
        return value;
      }
      if (first == null) {
        first = value;
      }
    }
    return first;
  }

  /** Tier, role, queues and agent id of a contact-center license. */
  static Map<String, String> contactCenter(UserRow user, UserLicensing licensing) {
    ObjectNode body = Representation.parseBody(user.body());
    JsonNode extension = body.path(ScimUrns.CONTACT_CENTER_USER);
    Map<String, String> facts = common(user, body);
    facts.put("tier", licensing.effective());
    facts.put("role", extension.path("role").asText(Role.AGENT.wireName()));
    List<String> queues = new ArrayList<>();
    extension.path("queues").forEach(queue -> queues.add(queue.asText()));
    facts.put("queues", String.join(", ", queues));
    facts.put("agentId", licensing.agentId() == null ? "" : licensing.agentId().toString());
    return facts;
  }

  /** Extension, site, direct numbers and calling package of a phone license. */
  static Map<String, String> phone(Handle handle, UserRow user, PhoneLicensing phone) {
    Map<String, String> facts = common(user, Representation.parseBody(user.body()));
    facts.put("extension", phone.extension());
    facts.put(
        "site",
        phone.siteId() == null
            ? ""
            : Daos.attach(handle, SiteDao.class)
                .columns(phone.siteId())
                .map(SiteRow::name)
                .orElse(""));
    List<String> numbers = new ArrayList<>();
    for (PhoneNumberDao.NumberState number :
        Daos.attach(handle, PhoneNumberDao.class).heldBy(user.id())) {
      if ("assigned".equals(number.state())) {
        numbers.add(number.number());
      }
    }
    facts.put("directNumbers", String.join(", ", numbers));
    facts.put("callingPackage", phone.callingPackage() == null ? "" : phone.callingPackage());
    return facts;
  }

  private static Map<String, String> common(UserRow user, ObjectNode body) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("userName", user.userName());
    String display = user.displayName();
    if (display == null || display.isBlank()) {
      display = body.path("name").path("formatted").asText("");
    }
    facts.put("displayName", display.isBlank() ? user.userName() : display);
    String email = recipient(user);
    facts.put("email", email == null ? "" : email);
    return facts;
  }
}
