package dev.switchboard.http;

import dev.switchboard.provisioning.UserService;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/Users}. */
@Path(ScimBase.PATH + "/Users")
public final class UsersResource extends ResourceEndpoint {
  public UsersResource(UserService users) {
    super(users);
  }
}
