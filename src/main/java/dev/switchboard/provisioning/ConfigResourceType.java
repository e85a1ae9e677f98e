package dev.switchboard.provisioning;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a configuration change changed: the wire name is its SCIM resource type's name. */
public enum ConfigResourceType {
  LICENSE_TEMPLATE("LicenseTemplate"),
  SEAT_POOL("SeatPool"),
  SITE("Site"),
  CALLING_PACKAGE("CallingPackage"),
  PHONE_NUMBER("PhoneNumber"),
  API_TOKEN("ApiToken"),
  OAUTH_CLIENT("OAuthClient"),
  WEBHOOK("Webhook");

  private final String wireName;

  ConfigResourceType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The type of a SCIM resource type name, if it is configuration. */
  static Optional<ConfigResourceType> ofResourceType(String name) {
    return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
  }

  /** A {@code type} query parameter, in any case, or a 400 naming the types there are. */
  public static ConfigResourceType parse(String text) throws BadRequestException {
    return Arrays.stream(values())
        .filter(type -> type.wireName.equalsIgnoreCase(text.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                BadRequestException.invalidValue(
                    "type is one of "
                        + Arrays.stream(values())
                            .map(ConfigResourceType::wireName)
                            .collect(Collectors.joining(", "))
                        + ", not '"
                        + text
                        + "'"));
  }
}
