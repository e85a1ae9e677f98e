package dev.switchboard.provisioning;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The event vocabulary the calling platforms consume: what changed for a user, by product. Small
 * and stable on purpose; the payload's {@code product} says which value of the product changed.
 */
public enum EventType {
  /** The effective contact-center license or its state changed, or the agentId. */
  CONTACT_CENTER_CHANGED("user.contactCenter.changed"),
  /** The phone license or state, extension, site, calling package or a direct number changed. */
  PHONE_CHANGED("user.phone.changed"),
  /** The user was deleted: every license, seat and number they held is released. */
  DEPROVISIONED("user.deprovisioned");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The type of an audit trail product's change. */
  static EventType ofProduct(String product) {
    return switch (product) {
      case ContactCenterLicensing.PRODUCT, "agentId" -> CONTACT_CENTER_CHANGED;
      case "phone", "extension", "site", "callingPackage", "directNumber" -> PHONE_CHANGED;
      default -> throw new IllegalArgumentException("no event type for product " + product);
    };
  }

  /** An event type's wire name, exactly, or a 400 naming the types there are. */
  static EventType parse(String text) throws BadRequestException {
    return Arrays.stream(values())
        .filter(type -> type.wireName.equals(text))
        .findFirst()
        .orElseThrow(
            () ->
                BadRequestException.invalidValue(
                    "events holds event types, one of "
                        + Arrays.stream(values())
                            .map(EventType::wireName)
                            .collect(Collectors.joining(", "))
                        + "; not '"
                        + text
                        + "'"));
  }
}
