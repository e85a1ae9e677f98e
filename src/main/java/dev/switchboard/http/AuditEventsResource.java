package dev.switchboard.http;

import dev.switchboard.provisioning.AuditEventService;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/AuditEvents} (admin scope). */
@Path(ScimBase.PATH + "/AuditEvents")
public final class AuditEventsResource extends ResourceEndpoint {
  public AuditEventsResource(AuditEventService service) {
    super(service);
  }
}
