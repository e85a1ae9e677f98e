package dev.switchboard.http;

import dev.switchboard.provisioning.CallingPackageService;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/CallingPackages} (admin scope). */
@Path(ScimBase.PATH + "/CallingPackages")
public final class CallingPackagesResource extends ResourceEndpoint {
  public CallingPackagesResource(CallingPackageService service) {
    super(service);
  }
}
