package dev.switchboard.http;

import dev.switchboard.provisioning.SiteService;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/Sites} (admin scope). */
@Path(ScimBase.PATH + "/Sites")
public final class SitesResource extends ResourceEndpoint {
  public SitesResource(SiteService service) {
    super(service);
  }
}
