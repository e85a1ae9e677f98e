package dev.switchboard.http;

import dev.switchboard.provisioning.GroupService;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/Groups}. */
@Path(ScimBase.PATH + "/Groups")
public final class GroupsResource extends ResourceEndpoint {
  public GroupsResource(GroupService groups) {
    super(groups);
  }
}
