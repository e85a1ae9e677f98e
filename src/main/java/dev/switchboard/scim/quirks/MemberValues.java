package dev.switchboard.scim.quirks;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import dev.switchboard.scim.MembershipChange.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group members arrive in more shapes than RFC 7643 §4.2 has:
 *
 * <pre>
 * RFC:        "members": [{"value": "2819c223…", "type": "User", "display": "Ann"}]
 * Entra:      "value": [{"value": "2819c223…"}]                (no type)
 * Okta:       "value": [{"value": "2819c223…", "display": "ann@example.com"}]
 * Some:       "value": [{"$ref": null, "value": "2819c223…"}]
 * Microsoft's validator:
 *             "value": [{"displayName": "new User", "value": "2819c223…"}]
 *             "value": "2819c223…"                             (a bare string)
 * </pre>
 *
 * All become {@link Member}s; {@code displayName} is read as {@code display}. Members of type
 * {@code Group} are skipped and logged: Switchboard does not nest groups.
 */
public final class MemberValues {
  private static final Logger log = LoggerFactory.getLogger(MemberValues.class);

  public static List<Member> parse(JsonNode value) throws BadRequestException {
    List<Member> members = new ArrayList<>();
    if (value == null || value.isNull()) {
      return members;
    }
    for (JsonNode element : value.isArray() ? value : List.of(value)) {
      if (element.isTextual()) {
        members.add(new Member(element.textValue().trim(), null));
        continue;
      }
      if (!element.isObject()) {
        throw BadRequestException.invalidValue(
            "A member must be an object with a 'value' (the user's id), got " + element);
      }
      JsonNode id = element.get("value");
      if (id == null || !id.isValueNode() || id.asText().isBlank()) {
        throw BadRequestException.invalidValue(
            "A member needs a 'value' holding the user's id, got " + element);
      }
      JsonNode type = element.get("type");
      if (type != null
          && type.isTextual()
          && type.textValue().toLowerCase(Locale.ROOT).equals("group")) {
        log.info("skipping nested group member {}: groups are not nested here", id.asText());
        continue;
      }
      members.add(new Member(id.asText().trim(), display(element)));
    }
    return members;
  }

  private static String display(JsonNode element) {
    for (String name : List.of("display", "displayName")) {
      JsonNode display = element.get(name);
      if (display != null && display.isTextual() && !display.textValue().isBlank()) {
        return display.textValue();
      }
    }
    return null;
  }

  private MemberValues() {}
}
