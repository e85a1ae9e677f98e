package dev.switchboard.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.provisioning.TemplatePreview;
import jakarta.ws.rs.core.Response;

/**
 * {@code ?dryRun=true} on a template write: the write runs as it would and is rolled back; the
 * answer (200) says what it would do to the users instead of returning the resource.
 */
final class DryRun {
  static final String PARAMETER = "dryRun";
  static final String SCHEMA = "urn:switchboard:params:scim:api:messages:1.0:TemplatePreview";

  private DryRun() {}

  /** True for "true", false when absent or "false"; anything else is a 400. */
  static boolean requested(String value) throws BadRequestException {
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw BadRequestException.invalidValue(PARAMETER + " is true or false, not '" + value + "'");
  }

  static Response answer(TemplatePreview preview) {
    ObjectNode body = JsonUtils.getJsonNodeFactory().objectNode();
    body.putArray("schemas").add(SCHEMA);
    body.put("usersAffected", preview.usersAffected());
    body.put("upgraded", preview.upgraded());
    body.put("downgraded", preview.downgraded());
    body.put("pending", preview.pending());
    ObjectNode phone = body.putObject("phone");
    phone.put("licensed", preview.phoneLicensed());
    phone.put("unlicensed", preview.phoneUnlicensed());
    phone.put("pending", preview.phonePending());
    ArrayNode changes = body.putArray("changes");
    preview
        .changes()
        .forEach(
            change -> {
              ObjectNode row = changes.addObject();
              row.putObject("user").put("value", change.userId()).put("display", change.userName());
              row.put("product", change.product());
              row.put("before", change.before());
              row.put("after", change.after());
            });
    return ScimResponses.json(body);
  }
}
