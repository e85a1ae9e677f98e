package dev.switchboard.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.provisioning.ListResult;
import dev.switchboard.provisioning.ResourceView;
import dev.switchboard.scim.Representation;
import dev.switchboard.scim.ScimUrns;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Builds SCIM responses: resources with ETag and Location, list responses, errors. */
public final class ScimResponses {
  private ScimResponses() {}

  static Response ok(ResourceView view) {
    return resource(Response.ok(), view).build();
  }

  static Response created(ResourceView view) {
    return resource(Response.status(Response.Status.CREATED), view)
        .location(URI.create(view.location()))
        .build();
  }

  static Response noContent(ResourceView view) {
    return Response.noContent().tag(etag(view.version())).build();
  }

  static Response json(ObjectNode body) {
    return Response.ok(JsonBodies.text(body), ScimMediaType.SCIM_JSON_TYPE).build();
  }

  /** RFC 7644 §3.4.2: {@code Resources} is always present, also when empty. */
  static Response list(ListResult result) {
    ObjectNode body = JsonUtils.getJsonNodeFactory().objectNode();
    body.putArray("schemas").add(ScimUrns.LIST_RESPONSE);
    body.put("totalResults", result.totalResults());
    body.put("startIndex", result.startIndex());
    body.put("itemsPerPage", result.resources().size());
    ArrayNode resources = body.putArray("Resources");
    result.resources().forEach(resources::add);
    return json(body);
  }

  /** An RFC 7644 §3.12 error body; {@code status} is a string, as the RFC's examples show. */
  public static Response error(int status, String scimType, String detail) {
    ObjectNode body = JsonUtils.getJsonNodeFactory().objectNode();
    body.putArray("schemas").add(ScimUrns.ERROR);
    body.put("status", String.valueOf(status));
    if (scimType != null) {
      body.put("scimType", scimType);
    }
    body.put("detail", detail);
    return Response.status(status)
        .type(ScimMediaType.SCIM_JSON_TYPE)
        .entity(JsonBodies.text(body))
        .build();
  }

  static EntityTag etag(long version) {
    return EntityTag.valueOf(Representation.etag(version));
  }

  private static Response.ResponseBuilder resource(
      Response.ResponseBuilder builder, ResourceView view) {
    return builder
        .type(ScimMediaType.SCIM_JSON_TYPE)
        .entity(JsonBodies.text(view.resource()))
        .tag(etag(view.version()));
  }
}
