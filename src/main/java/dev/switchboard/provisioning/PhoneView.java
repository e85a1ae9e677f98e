package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.scim.Representation;
import dev.switchboard.scim.ScimUrns;
import dev.switchboard.store.Daos;
import dev.switchboard.store.SiteDao;
import dev.switchboard.store.UserRow;
import org.jdbi.v3.core.Handle;

/** Renders the computed part of the phone extension from the user's phone columns. Stateless. */
final class PhoneView {
  private PhoneView() {}

  static void render(Handle handle, UserRow row, ObjectNode resource) {
    JsonNode existing = resource.get(ScimUrns.PHONE_USER);
    ObjectNode extension =
        existing != null && existing.isObject()
            ? (ObjectNode) existing
            : resource.putObject(ScimUrns.PHONE_USER);
    if (row.extension() != null) {
      extension.put("extensionNumber", row.extension());
    }
    extension.put("effectiveLicensed", row.phoneLicensed());
    if (row.phonePackage() != null) {
      extension.put("effectiveCallingPackage", row.phonePackage());
    }
    if (row.phoneSite() != null && row.phoneLicensed()) {
      Daos.attach(handle, SiteDao.class)
          .columns(row.phoneSite())
          .ifPresent(site -> extension.put("effectiveSite", site.name()));
    }
    extension.put("licenseState", row.phoneState());
    if (row.phoneSources() != null) {
      extension.set("licenseSources", Representation.parseJson(row.phoneSources()));
    }
    ArrayNode schemas = (ArrayNode) resource.get("schemas");
    boolean listed = false;
    for (JsonNode schema : schemas) {
      listed |= ScimUrns.PHONE_USER.equals(schema.asText());
    }
    if (!listed) {
      schemas.add(ScimUrns.PHONE_USER);
    }
  }
}
