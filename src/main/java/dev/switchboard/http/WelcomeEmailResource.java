package dev.switchboard.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.provisioning.MailOutbox;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /admin/users/{id}/welcome} (admin scope, no body): queues the user's welcome email
 * again for each license they hold now → 202 with the emails queued; 404 for an unknown user; 409
 * when email is off or the user is deactivated, has no email address or holds no license.
 */
@Path(AdminApi.PATH + "/users/{id}/welcome")
public final class WelcomeEmailResource {
  private final MailOutbox outbox;

  public WelcomeEmailResource(MailOutbox outbox) {
    this.outbox = outbox;
  }

  @POST
  public Response resend(@PathParam("id") String id) throws ScimException {
    ObjectNode body = JsonUtils.getJsonNodeFactory().objectNode();
    ArrayNode queued = body.putArray("queued");
    outbox.resend(id).forEach(queued::add);
    return Response.accepted(JsonBodies.text(body)).type(ScimMediaType.SCIM_JSON_TYPE).build();
  }
}
