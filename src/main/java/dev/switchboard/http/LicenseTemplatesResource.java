package dev.switchboard.http;

import dev.switchboard.provisioning.LicenseTemplateService;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/LicenseTemplates} (admin scope). */
@Path(ScimBase.PATH + "/LicenseTemplates")
public final class LicenseTemplatesResource extends ResourceEndpoint {
  public LicenseTemplatesResource(LicenseTemplateService service) {
    super(service);
  }
}
