package dev.switchboard.scim;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import dev.switchboard.scim.quirks.MemberValues;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads PATCH operations on a group's {@code members} as changes to the member relation, so a PATCH
 * never loads the member list into the group body. Entra's {@code remove} with a value list removes
 * exactly those members (not all of them); a remove without value removes all. Stateless.
 */
public final class MembershipPatch {
  private MembershipPatch() {}

  /** True when {@code operation} targets {@code members} of a Group. */
  public static boolean targetsMembers(PatchOperation operation) {
    Path path = operation.getPath();
    return path != null
        && path.size() > 0
        && (path.getSchemaUrn() == null || path.getSchemaUrn().equalsIgnoreCase(ScimUrns.GROUP))
        && path.getElement(0).getAttribute().equalsIgnoreCase("members");
  }

  /** The membership change a {@code members} operation means. */
  public static MembershipChange read(PatchOperation operation) throws BadRequestException {
    Path path = operation.getPath();
    Filter filter = path.getElement(0).getValueFilter();
    if (path.size() > 1) {
      throw BadRequestException.invalidPath(
          "'"
              + path
              + "': members can be added, replaced or"
              + " removed as a whole; their sub-attributes cannot be patched");
    }
    PatchOpType type = operation.getOpType();
    if (filter != null) {
      if (type != PatchOpType.REMOVE) {
        throw BadRequestException.invalidPath(
            "'"
                + path
                + "': a filtered members path can only"
                + " be removed; to add members use path 'members' with a value list");
      }
      return valueIds(filter)
          .<MembershipChange>map(MembershipChange.Remove::new)
          .orElseGet(() -> new MembershipChange.RemoveMatching(filter));
    }
    switch (type) {
      case ADD:
        return new MembershipChange.Add(MemberValues.parse(operation.getJsonNode()));
      case REPLACE:
        return new MembershipChange.Replace(MemberValues.parse(operation.getJsonNode()));
      default:
        if (operation.getJsonNode() == null || operation.getJsonNode().isNull()) {
          return new MembershipChange.RemoveAll();
        }
        Set<String> ids = new LinkedHashSet<>();
        MemberValues.parse(operation.getJsonNode()).forEach(m -> ids.add(m.id()));
        return new MembershipChange.Remove(ids);
    }
  }

  /** The ids of {@code value eq "a" or value eq "b"}, if the filter is only that. */
  private static Optional<Set<String>> valueIds(Filter filter) {
    Set<String> ids = new LinkedHashSet<>();
    return collect(filter, ids) ? Optional.of(ids) : Optional.empty();
  }

  private static boolean collect(Filter filter, Set<String> ids) {
    if (filter.getFilterType() == FilterType.OR) {
      return filter.getCombinedFilters().stream().allMatch(f -> collect(f, ids));
    }
    if (filter.getFilterType() == FilterType.EQUAL
        && filter.getAttributePath().toString().equalsIgnoreCase("value")
        && filter.getComparisonValue() != null
        && filter.getComparisonValue().isTextual()) {
      ids.add(filter.getComparisonValue().textValue());
      return true;
    }
    return false;
  }
}
