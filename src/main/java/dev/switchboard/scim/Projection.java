package dev.switchboard.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 7644 §3.4.2.5 {@code attributes} / {@code excludedAttributes}: which attributes a response
 * carries. {@code id} and {@code schemas} are always returned. A value filter in a requested path
 * ({@code emails[type eq "work"]}, as Microsoft's validator sends) selects the attribute. Immutable
 * and thread-safe.
 */
public final class Projection {
  public static final Projection ALL = new Projection(false, List.of());

  /** Only {@code id} and {@code schemas}: for answers that carry no body (PATCH → 204). */
  public static final Projection MINIMAL = new Projection(true, List.of());

  private final boolean include;
  private final List<Target> targets;

  /** One requested attribute: extension URN (or null for core), attribute, optional sub. */
  private record Target(String urn, String attribute, String sub) {
    boolean covers(String urnOrNull, String name) {
      boolean sameSchema = urn == null ? urnOrNull == null : urn.equalsIgnoreCase(urnOrNull);
      return sameSchema && (attribute == null || attribute.equalsIgnoreCase(name));
    }
  }

  private Projection(boolean include, List<Target> targets) {
    this.include = include;
    this.targets = targets;
  }

  /** Parses the two query parameters; at most one of them may be given. */
  public static Projection parse(ResourceKind kind, String attributes, String excluded)
      throws BadRequestException {
    boolean hasAttributes = attributes != null && !attributes.isBlank();
    boolean hasExcluded = excluded != null && !excluded.isBlank();
    if (hasAttributes && hasExcluded) {
      throw BadRequestException.invalidSyntax(
          "Use either 'attributes' or 'excludedAttributes', not both");
    }
    if (!hasAttributes && !hasExcluded) {
      return ALL;
    }
    return new Projection(hasAttributes, targets(kind, hasAttributes ? attributes : excluded));
  }

  private static List<Target> targets(ResourceKind kind, String list) throws BadRequestException {
    List<Target> targets = new ArrayList<>();
    for (String raw : list.replaceAll("\\[[^\\]]*\\]", "").split(",")) {
      String text = raw.trim();
      if (text.isEmpty()) {
        continue;
      }
      if (kind.extension(text).isPresent()) {
        targets.add(new Target(kind.extension(text).get().getId(), null, null));
        continue;
      }
      Path path;
      try {
        path = Path.fromString(text);
      } catch (BadRequestException e) {
        throw BadRequestException.invalidPath("'" + text + "' is not an attribute path");
      }
      String urn =
          path.getSchemaUrn() == null || path.getSchemaUrn().equalsIgnoreCase(kind.core().getId())
              ? null
              : path.getSchemaUrn();
      String attribute = path.size() > 0 ? path.getElement(0).getAttribute() : null;
      String sub = path.size() > 1 ? path.getElement(1).getAttribute() : null;
      targets.add(new Target(urn, attribute, sub));
    }
    return targets;
  }

  /** True when the response will carry top-level core attribute {@code name}. */
  public boolean includes(String name) {
    if (isAlwaysReturned(name)) {
      return true;
    }
    boolean named = targets.stream().anyMatch(t -> t.urn == null && t.covers(null, name));
    return include == named;
  }

  /** The projected copy of a full representation. */
  public ObjectNode apply(ObjectNode resource) {
    if (this == ALL) {
      return resource;
    }
    ObjectNode result = JsonUtils.getJsonNodeFactory().objectNode();
    resource
        .fields()
        .forEachRemaining(
            field -> {
              String key = field.getKey();
              if (key.startsWith("urn:") && field.getValue().isObject()) {
                ObjectNode extension = project(key, (ObjectNode) field.getValue());
                if (extension.size() > 0) {
                  result.set(key, extension);
                }
              } else if (isAlwaysReturned(key)) {
                result.set(key, field.getValue());
              } else {
                JsonNode value = projectAttribute(null, key, field.getValue());
                if (value != null) {
                  result.set(key, value);
                }
              }
            });
    return result;
  }

  private ObjectNode project(String urn, ObjectNode extension) {
    ObjectNode result = JsonUtils.getJsonNodeFactory().objectNode();
    boolean wholeSchema =
        targets.stream()
            .anyMatch(t -> t.urn != null && t.urn.equalsIgnoreCase(urn) && t.attribute == null);
    extension
        .fields()
        .forEachRemaining(
            field -> {
              if (wholeSchema) {
                if (include) {
                  result.set(field.getKey(), field.getValue());
                }
                return;
              }
              JsonNode value = projectAttribute(urn, field.getKey(), field.getValue());
              if (value != null) {
                result.set(field.getKey(), value);
              }
            });
    return result;
  }

  private JsonNode projectAttribute(String urn, String name, JsonNode value) {
    List<Target> matching =
        targets.stream().filter(t -> t.attribute != null && t.covers(urn, name)).toList();
    if (matching.isEmpty()) {
      return include ? null : value;
    }
    if (matching.stream().anyMatch(t -> t.sub == null)) {
      return include ? value : null;
    }
    List<String> subs = matching.stream().map(Target::sub).toList();
    return projectSubs(value, subs);
  }

  private JsonNode projectSubs(JsonNode value, List<String> subs) {
    if (value.isArray()) {
      ArrayNode result = JsonUtils.getJsonNodeFactory().arrayNode();
      for (JsonNode element : value) {
        JsonNode projected = projectSubs(element, subs);
        if (projected != null) {
          result.add(projected);
        }
      }
      return result.isEmpty() ? null : result;
    }
    if (!value.isObject()) {
      return include ? null : value;
    }
    ObjectNode result = JsonUtils.getJsonNodeFactory().objectNode();
    for (Map.Entry<String, JsonNode> field :
        (Iterable<Map.Entry<String, JsonNode>>) value::fields) {
      boolean named = subs.stream().anyMatch(s -> s.equalsIgnoreCase(field.getKey()));
      if (named == include) {
        result.set(field.getKey(), field.getValue());
      }
    }
    return result.isEmpty() ? null : result;
  }

  private static boolean isAlwaysReturned(String name) {
    return name.equalsIgnoreCase("id") || name.equalsIgnoreCase("schemas");
  }
}
