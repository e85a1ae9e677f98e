package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import dev.switchboard.scim.ScimUrns;
import dev.switchboard.store.CallingPackageDao;
import dev.switchboard.store.CaselessKey;
import dev.switchboard.store.Daos;
import dev.switchboard.store.ExtensionDao;
import dev.switchboard.store.PhoneNumberDao;
import dev.switchboard.store.SiteDao;
import org.jdbi.v3.core.Handle;

/**
 * Checks the direct phone values of a user write against the catalogue and the numbers in use: a
 * known calling package and site, an extension of digits nobody else holds, direct numbers from the
 * inventory that nobody else holds. Stateless.
 */
final class PhoneInput {
  private PhoneInput() {}

  static void validate(Handle handle, String userId, ObjectNode body) throws ScimException {
    JsonNode phone = body.path(ScimUrns.PHONE_USER);
    if (phone.isMissingNode()) {
      return;
    }
    String callingPackage = phone.path("callingPackage").asText("");
    if (!callingPackage.isBlank()
        && Daos.attach(handle, CallingPackageDao.class)
            .idByNameKey(CaselessKey.of(callingPackage))
            .isEmpty()) {
      throw BadRequestException.invalidValue(
          "callingPackage '" + callingPackage + "' is not in /CallingPackages");
    }
    String site = phone.path("site").asText("");
    if (!site.isBlank()
        && Daos.attach(handle, SiteDao.class).byNameKey(CaselessKey.of(site)).isEmpty()) {
      throw BadRequestException.invalidValue("site '" + site + "' is not in /Sites");
    }
    String extension = PhoneLicensingEngine.explicitExtension(phone);
    if (extension != null) {
      if (!extension.matches("[0-9]{1,18}")) {
        throw BadRequestException.invalidValue(
            "extensionNumber must be digits (or \"0\" to assign one), not '" + extension + "'");
      }
      ExtensionDao extensions = Daos.attach(handle, ExtensionDao.class);
      if (extensions.exists(extension) > 0 && extensions.isHeldBy(extension, userId) == 0) {
        throw UniqueConstraint.conflict(
            "extensionNumber "
                + extension
                + " is held by another user or resting after its release");
      }
    }
    for (JsonNode number : phone.path("directNumbers")) {
      PhoneNumberDao.NumberState state =
          Daos.attach(handle, PhoneNumberDao.class)
              .byNumber(number.asText())
              .orElseThrow(
                  () ->
                      BadRequestException.invalidValue(
                          "direct number "
                              + number.asText()
                              + " is not in the /PhoneNumbers inventory"));
      if (state.userId() != null && !state.userId().equals(userId)) {
        throw UniqueConstraint.conflict(
            "direct number " + number.asText() + " is assigned to another user");
      }
      if (state.userId() == null && !"unassigned".equals(state.state())) {
        throw UniqueConstraint.conflict(
            "direct number "
                + number.asText()
                + " is resting after release ("
                + state.state()
                + ")");
      }
    }
  }

  /**
   * After resolution: direct numbers the write adds need an effective calling package. Numbers the
   * user already held are released instead when the package or license goes.
   */
  static void requirePackageForNewDirectNumbers(
      ObjectNode before, ObjectNode body, String effectivePackage) throws BadRequestException {
    java.util.Set<String> held = new java.util.HashSet<>();
    before.path(ScimUrns.PHONE_USER).path("directNumbers").forEach(n -> held.add(n.asText()));
    for (JsonNode number : body.path(ScimUrns.PHONE_USER).path("directNumbers")) {
      if (!held.contains(number.asText()) && effectivePackage == null) {
        throw BadRequestException.invalidValue(
            "direct number "
                + number.asText()
                + " needs a calling package: give the user one (or a template that does) and a"
                + " phone license");
      }
    }
  }
}
