package dev.switchboard.http;

import dev.switchboard.provisioning.PhoneNumberService;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/PhoneNumbers} (admin scope). */
@Path(ScimBase.PATH + "/PhoneNumbers")
public final class PhoneNumbersResource extends ResourceEndpoint {
  public PhoneNumbersResource(PhoneNumberService service) {
    super(service);
  }
}
