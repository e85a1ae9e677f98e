package dev.switchboard.scim;

import java.net.URI;

/** Absolute URLs of resources under the SCIM base URL the client used (RFC 7644 §3.1). */
public record ResourceLocation(URI scimBase) {
  public String of(ResourceKind kind, String id) {
    return base() + kind.endpoint() + "/" + id;
  }

  public String of(String endpoint) {
    return base() + endpoint;
  }

  private String base() {
    String text = scimBase.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }
}
