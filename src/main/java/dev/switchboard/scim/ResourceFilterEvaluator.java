package dev.switchboard.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.utils.FilterEvaluator;

/**
 * The SDK's evaluator, told each attribute's {@code caseExact} from our schemas (the SDK alone
 * compares every string case-insensitively, which is wrong for {@code id} and {@code externalId}).
 * Thread-safe.
 */
public final class ResourceFilterEvaluator extends FilterEvaluator {
  private final ResourceKind kind;

  public ResourceFilterEvaluator(ResourceKind kind) {
    this.kind = kind;
  }

  /** True when {@code resource} (its full representation, meta included) matches. */
  public boolean matches(Filter filter, ObjectNode resource) throws BadRequestException {
    try {
      return filter.visit(this, resource);
    } catch (BadRequestException e) {
      throw e;
    } catch (ScimException | IllegalArgumentException e) {
      throw BadRequestException.invalidFilter("Cannot evaluate filter: " + e.getMessage());
    }
  }

  @Override
  protected AttributeDefinition getAttributeDefinition(Path path) {
    return SchemaRegistry.resolve(kind, path).orElse(null);
  }
}
