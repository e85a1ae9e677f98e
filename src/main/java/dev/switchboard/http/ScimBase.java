package dev.switchboard.http;

import dev.switchboard.scim.ResourceLocation;
import jakarta.ws.rs.core.UriInfo;

/** The SCIM base URL ({@code …/scim/v2}) as the client addressed us, for absolute locations. */
final class ScimBase {
  static final String PATH = "scim/v2";

  private ScimBase() {}

  static ResourceLocation of(UriInfo uri) {
    return new ResourceLocation(uri.getBaseUriBuilder().path(PATH).build());
  }
}
