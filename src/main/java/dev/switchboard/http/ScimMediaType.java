package dev.switchboard.http;

import jakarta.ws.rs.core.MediaType;

/** RFC 7644 §3.1 media type. */
public final class ScimMediaType {
  public static final String SCIM_JSON = "application/scim+json";
  public static final MediaType SCIM_JSON_TYPE = MediaType.valueOf(SCIM_JSON);

  private ScimMediaType() {}
}
