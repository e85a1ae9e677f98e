package dev.switchboard.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.time.Instant;

/**
 * Builds the SCIM representation of a stored resource: its body plus {@code id} and {@code meta}
 * (RFC 7643 §3.1). Stateless.
 */
public final class Representation {
  private Representation() {}

  /** The stored body text as a (case-insensitive) JSON object. */
  public static ObjectNode parseBody(String body) {
    try {
      return (ObjectNode) JsonUtils.getObjectReader().readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored body is not JSON", e);
    }
  }

  /** Any stored JSON text (an array of sources, say). */
  public static JsonNode parseJson(String text) {
    try {
      return JsonUtils.getObjectReader().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored value is not JSON", e);
    }
  }

  public static String bodyText(JsonNode body) {
    try {
      return JsonUtils.getObjectWriter().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** The weak ETag of a resource version, as in {@code meta.version} and the ETag header. */
  public static String etag(long version) {
    return "W/\"" + version + "\"";
  }

  /** Body + id + meta, with {@code schemas} first and {@code id} second for readability. */
  public static ObjectNode of(
      ResourceKind kind,
      String id,
      ObjectNode body,
      long created,
      long lastModified,
      long version,
      ResourceLocation location) {
    ObjectNode resource = JsonUtils.getJsonNodeFactory().objectNode();
    resource.set("schemas", body.get("schemas"));
    resource.put("id", id);
    body.fields()
        .forEachRemaining(
            f -> {
              if (!f.getKey().equals("schemas")) {
                resource.set(f.getKey(), f.getValue());
              }
            });
    ObjectNode meta = resource.putObject("meta");
    meta.put("resourceType", kind.name());
    meta.put("created", Instant.ofEpochMilli(created).toString());
    meta.put("lastModified", Instant.ofEpochMilli(lastModified).toString());
    meta.put("location", location.of(kind, id));
    meta.put("version", etag(version));
    return resource;
  }
}
