package dev.switchboard.http;

import dev.switchboard.provisioning.SeatPoolService;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/SeatPools} (admin scope). */
@Path(ScimBase.PATH + "/SeatPools")
public final class SeatPoolsResource extends ResourceEndpoint {
  public SeatPoolsResource(SeatPoolService service) {
    super(service);
  }
}
