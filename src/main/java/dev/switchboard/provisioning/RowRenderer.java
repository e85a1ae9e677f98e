package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jdbi.v3.core.Handle;

/**
 * Turns a stored row into its full SCIM representation. The relation attribute ({@code groups} of a
 * user, {@code members} of a group) costs a query, so it is rendered only when asked for.
 */
interface RowRenderer<R> {
  String id(R row);

  ObjectNode render(Handle handle, R row, boolean withRelation);

  /** The name of the attribute that holds the relation. */
  String relation();
}
