package dev.switchboard.conformance.query;

import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;

import dev.switchboard.conformance.support.Query;
import dev.switchboard.conformance.support.ScimClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A filter that cannot be parsed is a 400 with scimType invalidFilter (RFC 7644 §3.4.2.2, §3.12),
 * never a 5xx.
 */
class FilterErrorsTest {

  private final ScimClient client = ScimClient.admin();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "userName xx \"alice\"",
        "(userName eq \"alice\"",
        "userName eq \"unterminated",
        "emails[type eq \"work\"",
        "and and and"
      })
  void unparsableFilterOnUsersIs400InvalidFilter(String filter) {
    assertScimError(client.get("/Users" + Query.filter(filter)), 400, "invalidFilter");
  }

  @ParameterizedTest
  @ValueSource(strings = {"displayName xx \"x\"", "(displayName eq \"x\""})
  void unparsableFilterOnGroupsIs400InvalidFilter(String filter) {
    assertScimError(client.get("/Groups" + Query.filter(filter)), 400, "invalidFilter");
  }
}
