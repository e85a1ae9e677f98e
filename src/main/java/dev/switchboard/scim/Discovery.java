package dev.switchboard.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.Optional;

/**
 * The RFC 7643 §5–7 discovery documents: ServiceProviderConfig, ResourceTypes, Schemas, with no
 * keys the RFC does not define. Immutable and thread-safe.
 */
public final class Discovery {
  /** RFC 7644 §3.7: the most operations one /Bulk request may carry. */
  public static final int BULK_MAX_OPERATIONS = 1000;

  /** The largest request body we read, bulk or not (bytes). */
  public static final int MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;

  private final SchemaRegistry schemas;

  public Discovery(SchemaRegistry schemas) {
    this.schemas = schemas;
  }

  public ObjectNode serviceProviderConfig(ResourceLocation location) {
    ObjectNode config = object();
    config.putArray("schemas").add(ScimUrns.SERVICE_PROVIDER_CONFIG);
    config.put("documentationUri", "https://datatracker.ietf.org/doc/html/rfc7644");
    config.putObject("patch").put("supported", true);
    ObjectNode bulk = config.putObject("bulk");
    bulk.put("supported", true);
    bulk.put("maxOperations", BULK_MAX_OPERATIONS);
    bulk.put("maxPayloadSize", MAX_PAYLOAD_BYTES);
    ObjectNode filter = config.putObject("filter");
    filter.put("supported", true);
    filter.put("maxResults", ListQuery.MAX_RESULTS);
    config.putObject("changePassword").put("supported", false);
    config.putObject("sort").put("supported", true);
    config.putObject("etag").put("supported", true);
    ObjectNode bearer = config.putArray("authenticationSchemes").addObject();
    bearer.put("type", "oauthbearertoken");
    bearer.put("name", "Bearer token");
    bearer.put(
        "description",
        "A Switchboard API token in 'Authorization: Bearer <token>' (made with 'token create')");
    bearer.put("specUri", "https://datatracker.ietf.org/doc/html/rfc6750");
    bearer.put("primary", true);
    config.set("meta", meta("ServiceProviderConfig", location.of("/ServiceProviderConfig")));
    return config;
  }

  public ArrayNode resourceTypes(ResourceLocation location) {
    ArrayNode types = JsonUtils.getJsonNodeFactory().arrayNode();
    schemas.kinds().forEach(kind -> types.add(resourceType(kind, location)));
    return types;
  }

  public Optional<ObjectNode> resourceType(String name, ResourceLocation location) {
    return schemas.kinds().stream()
        .filter(k -> k.name().equalsIgnoreCase(name))
        .findFirst()
        .map(kind -> resourceType(kind, location));
  }

  public ArrayNode schemas(ResourceLocation location) {
    ArrayNode all = JsonUtils.getJsonNodeFactory().arrayNode();
    schemas.allSchemas().forEach(schema -> all.add(schema(schema, location)));
    return all;
  }

  public Optional<ObjectNode> schema(String id, ResourceLocation location) {
    return schemas.allSchemas().stream()
        .filter(s -> s.getId().equalsIgnoreCase(id))
        .findFirst()
        .map(schema -> schema(schema, location));
  }

  private ObjectNode resourceType(ResourceKind kind, ResourceLocation location) {
    ObjectNode type = object();
    type.putArray("schemas").add(ScimUrns.RESOURCE_TYPE);
    type.put("id", kind.name());
    type.put("name", kind.name());
    type.put("endpoint", kind.endpoint());
    type.put("description", kind.description());
    type.put("schema", kind.core().getId());
    ArrayNode extensions = type.putArray("schemaExtensions");
    for (SchemaResource extension : kind.extensions()) {
      ObjectNode entry = extensions.addObject();
      entry.put("schema", extension.getId());
      entry.put("required", false);
    }
    type.set("meta", meta("ResourceType", location.of("/ResourceTypes/" + kind.name())));
    return type;
  }

  private static ObjectNode schema(SchemaResource schema, ResourceLocation location) {
    ObjectNode node = JsonUtils.valueToNode(schema);
    node.remove("meta");
    ObjectNode result = object();
    result.putArray("schemas").add(ScimUrns.SCHEMA);
    node.fields()
        .forEachRemaining(
            f -> {
              if (!f.getKey().equals("schemas")) {
                result.set(f.getKey(), f.getValue());
              }
            });
    result.set("meta", meta("Schema", location.of("/Schemas/" + schema.getId())));
    return result;
  }

  private static ObjectNode meta(String resourceType, String location) {
    ObjectNode meta = object();
    meta.put("resourceType", resourceType);
    meta.put("location", location);
    return meta;
  }

  private static ObjectNode object() {
    return JsonUtils.getJsonNodeFactory().objectNode();
  }
}
