package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ContentTooLargeException;
import com.unboundid.scim2.common.exceptions.ForbiddenException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.scim.Projection;
import dev.switchboard.scim.ResourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 7644 §3.7 {@code /Bulk}: runs each operation through the same use cases as a single request,
 * each in its own transaction. {@code bulkId:} references resolve in any order the RFC allows: an
 * operation waits until the operations it refers to have run; one whose reference never resolves
 * answers 409. Stops after {@code failOnErrors} errors. Thread-safe.
 */
public final class BulkProcessor {
  public static final String REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
  public static final String RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
  private static final Pattern REFERENCE = Pattern.compile("bulkId:([A-Za-z0-9._~-]+)");
  private static final JsonNodeFactory json = JsonUtils.getJsonNodeFactory();

  private final Map<String, ResourceService> byEndpoint;
  private final int maxOperations;

  public BulkProcessor(List<ResourceService> services, int maxOperations) {
    this.byEndpoint = new HashMap<>();
    services.forEach(s -> byEndpoint.put(s.kind().endpoint().toLowerCase(Locale.ROOT), s));
    this.maxOperations = maxOperations;
  }

  /** One operation as read, with its position in the request. */
  private record Operation(int index, ObjectNode node) {}

  public ObjectNode process(ObjectNode request, ResourceLocation location, Caller caller)
      throws ScimException {
    JsonNode operations = request.get("Operations");
    if (operations == null || !operations.isArray()) {
      throw BadRequestException.invalidSyntax("A bulk request needs an 'Operations' array");
    }
    if (operations.size() > maxOperations) {
      throw new ContentTooLargeException(
          "The request has "
              + operations.size()
              + " operations; bulk.maxOperations is "
              + maxOperations);
    }
    int failOnErrors = request.path("failOnErrors").asInt(Integer.MAX_VALUE);
    if (failOnErrors <= 0) {
      failOnErrors = Integer.MAX_VALUE;
    }
    List<Operation> waiting = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      if (!operations.get(i).isObject()) {
        throw BadRequestException.invalidSyntax("Operations[" + i + "] is not an object");
      }
      waiting.add(new Operation(i, (ObjectNode) operations.get(i)));
    }
    Map<String, String> ids = new HashMap<>();
    Map<Integer, ObjectNode> results = new HashMap<>();
    int errors = 0;
    boolean progress = true;
    while (!waiting.isEmpty() && progress && errors < failOnErrors) {
      progress = false;
      for (Iterator<Operation> it = waiting.iterator(); it.hasNext() && errors < failOnErrors; ) {
        Operation operation = it.next();
        if (!resolvable(operation.node(), ids)) {
          continue;
        }
        it.remove();
        progress = true;
        ObjectNode result = run(operation.node(), ids, location, caller);
        results.put(operation.index(), result);
        if (Integer.parseInt(result.get("status").asText()) >= 400) {
          errors++;
        }
      }
    }
    if (errors < failOnErrors) {
      for (Operation operation : waiting) {
        ObjectNode result = head(operation.node());
        error(
            result,
            new ResourceConflictException(
                "This operation refers to a bulkId that no operation of the request created"));
        results.put(operation.index(), result);
      }
    }
    ObjectNode response = json.objectNode();
    response.putArray("schemas").add(RESPONSE);
    ArrayNode answered = response.putArray("Operations");
    for (int i = 0; i < operations.size(); i++) {
      if (results.containsKey(i)) {
        answered.add(results.get(i));
      }
    }
    return response;
  }

  private ObjectNode run(
      ObjectNode operation, Map<String, String> ids, ResourceLocation location, Caller caller) {
    ObjectNode result = head(operation);
    try {
      String method = operation.path("method").asText("").toUpperCase(Locale.ROOT);
      String path = resolve(TextNode.valueOf(operation.path("path").asText("")), ids).asText();
      String[] segments = path.replaceAll("^/+", "").split("/");
      ResourceService service =
          Optional.ofNullable(byEndpoint.get(("/" + segments[0]).toLowerCase(Locale.ROOT)))
              .orElseThrow(
                  () ->
                      new ResourceNotFoundException(
                          "Bulk path '" + path + "' names no resource type here"));
      if (!caller.scope().includes(requiredScope(segments[0]))) {
        throw new ForbiddenException(
            "Token '" + caller.tokenName() + "' may not write " + segments[0]);
      }
      String id = segments.length > 1 ? segments[1] : null;
      String version = operation.hasNonNull("version") ? operation.get("version").asText() : null;
      JsonNode data = operation.has("data") ? resolve(operation.get("data"), ids) : null;
      switch (method) {
        case "POST" -> {
          String bulkId = operation.path("bulkId").asText("");
          if (bulkId.isBlank()) {
            throw BadRequestException.invalidSyntax("A bulk POST needs a bulkId (RFC 7644 §3.7)");
          }
          ResourceView view = service.create(object(data), Projection.MINIMAL, location, caller);
          ids.put(bulkId, view.resource().get("id").asText());
          success(result, "201", view);
        }
        case "PUT" ->
            success(
                result,
                "200",
                service.replace(
                    need(id, path), object(data), version, Projection.MINIMAL, location, caller));
        case "PATCH" ->
            success(
                result,
                "204",
                service.patch(
                    need(id, path), object(data), version, Projection.MINIMAL, location, caller));
        case "DELETE" -> {
          service.delete(need(id, path), version, caller);
          result.put("status", "204");
        }
        default ->
            throw BadRequestException.invalidSyntax(
                "Bulk method must be POST, PUT, PATCH or DELETE, not '" + method + "'");
      }
    } catch (ScimException e) {
      error(result, e);
    }
    return result;
  }

  private static dev.switchboard.provisioning.Scope requiredScope(String endpoint) {
    return endpoint.equalsIgnoreCase("Users") || endpoint.equalsIgnoreCase("Groups")
        ? Scope.IDP
        : Scope.ADMIN;
  }

  private static boolean resolvable(JsonNode node, Map<String, String> ids) {
    Matcher matcher = REFERENCE.matcher(node.toString());
    while (matcher.find()) {
      String bulkId = matcher.group(1);
      if (!ids.containsKey(bulkId) && !bulkId.equals(node.path("bulkId").asText())) {
        return false;
      }
    }
    return true;
  }

  /** A copy of {@code node} with every "bulkId:X" string replaced by X's new id. */
  private static JsonNode resolve(JsonNode node, Map<String, String> ids) {
    if (node.isTextual()) {
      Matcher matcher = REFERENCE.matcher(node.textValue());
      StringBuilder out = new StringBuilder();
      while (matcher.find()) {
        matcher.appendReplacement(
            out, Matcher.quoteReplacement(ids.getOrDefault(matcher.group(1), matcher.group())));
      }
      matcher.appendTail(out);
      return TextNode.valueOf(out.toString());
    }
    if (node.isArray()) {
      ArrayNode copy = json.arrayNode();
      node.forEach(element -> copy.add(resolve(element, ids)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = json.objectNode();
      node.fields().forEachRemaining(f -> copy.set(f.getKey(), resolve(f.getValue(), ids)));
      return copy;
    }
    return node;
  }

  private static ObjectNode object(JsonNode data) throws BadRequestException {
    if (data == null || !data.isObject()) {
      throw BadRequestException.invalidSyntax("This bulk operation needs 'data' as an object");
    }
    return (ObjectNode) data;
  }

  private static String need(String id, String path) throws BadRequestException {
    if (id == null || id.isBlank()) {
      throw BadRequestException.invalidPath("Bulk path '" + path + "' needs a resource id");
    }
    return id;
  }

  private static ObjectNode head(ObjectNode operation) {
    ObjectNode result = json.objectNode();
    result.put("method", operation.path("method").asText(""));
    if (operation.hasNonNull("bulkId")) {
      result.put("bulkId", operation.get("bulkId").asText());
    }
    return result;
  }

  private static void success(ObjectNode result, String status, ResourceView view) {
    result.put("location", view.location());
    result.put("version", dev.switchboard.scim.Representation.etag(view.version()));
    result.put("status", status);
  }

  private static void error(ObjectNode result, ScimException e) {
    int status = e.getScimError().getStatus();
    result.put("status", String.valueOf(status));
    ObjectNode response = result.putObject("response");
    response.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:Error");
    response.put("status", String.valueOf(status));
    if (e.getScimError().getScimType() != null) {
      response.put("scimType", e.getScimError().getScimType());
    }
    response.put("detail", e.getScimError().getDetail());
  }
}
