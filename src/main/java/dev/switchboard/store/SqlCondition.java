package dev.switchboard.store;

import java.util.Map;

/**
 * A WHERE clause with bound parameters, translated from a SCIM filter. {@code exact} says the
 * clause selects precisely the filter's matches; otherwise it only narrows the candidates and the
 * filter must still be evaluated on each.
 */
public record SqlCondition(String sql, Map<String, Object> params, boolean exact) {
  public static final SqlCondition ALL = new SqlCondition("1 = 1", Map.of(), true);
  public static final SqlCondition NONE_EXACT = new SqlCondition("1 = 1", Map.of(), false);
}
