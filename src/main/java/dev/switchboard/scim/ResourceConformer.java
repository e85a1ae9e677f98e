package dev.switchboard.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.scim.quirks.BooleanStrings;
import dev.switchboard.scim.quirks.EnterpriseManagerValue;
import dev.switchboard.scim.quirks.RolesAsJsonStrings;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a client's resource JSON into the canonical body we store: attribute names in schema case,
 * extension attributes under their URN (whether or not {@code schemas} lists it), values of the
 * schema's type, nothing readOnly, unknown or null. Rejects what cannot be meant (a required
 * attribute missing, an object where a string belongs) with a SCIM 400. Stateless and thread-safe.
 */
public final class ResourceConformer {
  private static final Logger log = LoggerFactory.getLogger(ResourceConformer.class);
  private static final JsonNodeFactory json = JsonUtils.getJsonNodeFactory();

  /** The canonical body; {@code id}, {@code meta}, {@code schemas} and readOnly values dropped. */
  public ObjectNode conform(ResourceKind kind, ObjectNode input) throws BadRequestException {
    ObjectNode body = json.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = input.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      if (key.equalsIgnoreCase("schemas") || field.getValue().isNull()) {
        continue;
      }
      Optional<SchemaResource> extension = kind.extensionOf(key);
      if (extension.isPresent()) {
        conformExtensionField(extension.get(), key, field.getValue(), body);
      } else if (key.toLowerCase(java.util.Locale.ROOT).startsWith("urn:")) {
        log.debug("ignoring attribute of an unknown schema: {}", key);
      } else {
        conformAttribute(SchemaRegistry.coreScope(kind), key, field.getValue(), body);
      }
    }
    requirePresent(kind.core(), body);
    body.set("schemas", schemasOf(kind, body));
    return body;
  }

  private void conformExtensionField(
      SchemaResource extension, String key, JsonNode value, ObjectNode body)
      throws BadRequestException {
    String urn = extension.getId();
    ObjectNode target = body.has(urn) ? (ObjectNode) body.get(urn) : json.objectNode();
    if (key.length() == urn.length()) {
      if (!value.isObject()) {
        throw BadRequestException.invalidValue(urn + " must be a JSON object of its attributes");
      }
      ObjectNode source = ((ObjectNode) value).deepCopy();
      if (urn.equals(ScimUrns.ENTERPRISE_USER)) {
        EnterpriseManagerValue.normalize(source);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> sub = it.next();
        if (!sub.getValue().isNull()) {
          conformAttribute(extension.getAttributes(), sub.getKey(), sub.getValue(), target);
        }
      }
    } else {
      // "urn:…:User:attribute" at top level: Entra's no-path PATCH keys, after the splitter.
      String attribute = key.substring(urn.length() + 1);
      ObjectNode wrapped = json.objectNode();
      wrapped.set(attribute, value);
      if (urn.equals(ScimUrns.ENTERPRISE_USER)) {
        EnterpriseManagerValue.normalize(wrapped);
      }
      if (wrapped.size() > 0) {
        conformAttribute(extension.getAttributes(), attribute, wrapped.elements().next(), target);
      }
    }
    if (target.size() > 0) {
      body.set(urn, target);
    }
  }

  private void conformAttribute(
      Collection<AttributeDefinition> scope, String name, JsonNode value, ObjectNode target)
      throws BadRequestException {
    Optional<AttributeDefinition> found = SchemaRegistry.find(scope, name);
    if (found.isEmpty()) {
      log.debug("ignoring unknown attribute {}", name);
      return;
    }
    AttributeDefinition definition = found.get();
    if (definition.getMutability() == Mutability.READ_ONLY) {
      return;
    }
    if (definition.getName().equals("password")) {
      return; // accepted, never stored nor returned: we authenticate no user
    }
    JsonNode conformed = conformValue(definition, value, definition.getName());
    if (conformed != null) {
      target.set(definition.getName(), conformed);
    }
  }

  private JsonNode conformValue(AttributeDefinition definition, JsonNode value, String where)
      throws BadRequestException {
    if (value == null || value.isNull()) {
      return null;
    }
    if (definition.getName().equals("roles")) {
      value = RolesAsJsonStrings.decode(value);
    }
    if (!definition.isMultiValued()) {
      return conformSingle(definition, value, where);
    }
    ArrayNode values = json.arrayNode();
    for (JsonNode element : value.isArray() ? value : json.arrayNode().add(value)) {
      JsonNode conformed = conformSingle(definition, element, where);
      if (conformed != null) {
        values.add(conformed);
      }
    }
    return values.isEmpty() ? null : values;
  }

  private JsonNode conformSingle(AttributeDefinition definition, JsonNode value, String where)
      throws BadRequestException {
    if (value.isNull()) {
      return null;
    }
    switch (definition.getType()) {
      case COMPLEX:
        return conformComplex(definition, value, where);
      case BOOLEAN:
        if (value.isBoolean()) {
          return value;
        }
        return BooleanStrings.parse(value)
            .orElseThrow(() -> invalid(where, "a boolean (true or false)", value));
      case INTEGER:
        if (value.isIntegralNumber()) {
          return value;
        }
        return parseNumber(value, where, true);
      case DECIMAL:
        if (value.isNumber()) {
          return value;
        }
        return parseNumber(value, where, false);
      default:
        if (value.isTextual()) {
          return value;
        }
        if (value.isValueNode()) {
          return json.textNode(value.asText());
        }
        throw invalid(where, "a string", value);
    }
  }

  private JsonNode conformComplex(AttributeDefinition definition, JsonNode value, String where)
      throws BadRequestException {
    if (!value.isObject()) {
      throw invalid(where, "an object with sub-attributes", value);
    }
    ObjectNode result = json.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      Optional<AttributeDefinition> sub =
          SchemaRegistry.find(definition.getSubAttributes(), field.getKey());
      if (sub.isEmpty() || sub.get().getMutability() == Mutability.READ_ONLY) {
        continue;
      }
      JsonNode conformed =
          conformValue(sub.get(), field.getValue(), where + "." + sub.get().getName());
      if (conformed != null) {
        result.set(sub.get().getName(), conformed);
      }
    }
    return result.isEmpty() ? null : result;
  }

  private static JsonNode parseNumber(JsonNode value, String where, boolean integral)
      throws BadRequestException {
    if (value.isTextual()) {
      try {
        BigDecimal number = new BigDecimal(value.textValue().trim());
        if (!integral) {
          return json.numberNode(number);
        }
        return json.numberNode(number.longValueExact());
      } catch (NumberFormatException | ArithmeticException e) {
        // fall through to the error below
      }
    }
    throw invalid(where, integral ? "an integer" : "a number", value);
  }

  private static void requirePresent(SchemaResource schema, ObjectNode body)
      throws BadRequestException {
    for (AttributeDefinition attribute : schema.getAttributes()) {
      if (attribute.isRequired() && attribute.getMutability() != Mutability.READ_ONLY) {
        JsonNode value = body.get(attribute.getName());
        if (value == null || (value.isTextual() && value.textValue().isBlank())) {
          throw BadRequestException.invalidValue(
              "Attribute '" + attribute.getName() + "' is required and must not be empty");
        }
      }
    }
  }

  private static ArrayNode schemasOf(ResourceKind kind, ObjectNode body) {
    ArrayNode schemas = json.arrayNode().add(kind.core().getId());
    for (SchemaResource extension : kind.extensions()) {
      if (body.has(extension.getId())) {
        schemas.add(extension.getId());
      }
    }
    return schemas;
  }

  private static BadRequestException invalid(String where, String expected, JsonNode got) {
    String shown = got.toString();
    if (shown.length() > 80) {
      shown = shown.substring(0, 77) + "...";
    }
    return BadRequestException.invalidValue(
        "Attribute '" + where + "' must be " + expected + ", got " + shown);
  }
}
