package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import dev.switchboard.scim.ListQuery;
import dev.switchboard.scim.Projection;
import dev.switchboard.scim.ResourceKind;
import dev.switchboard.scim.ResourceLocation;
import java.util.Optional;

/** The RFC 7644 operations on one resource type; each call is one transaction. */
public interface ResourceService {
  ResourceKind kind();

  ResourceView create(
      ObjectNode input, Projection projection, ResourceLocation location, Caller caller)
      throws ScimException;

  ResourceView get(String id, Projection projection, ResourceLocation location)
      throws ScimException;

  ListResult list(ListQuery query, ResourceLocation location) throws ScimException;

  ResourceView replace(
      String id,
      ObjectNode input,
      String ifMatch,
      Projection projection,
      ResourceLocation location,
      Caller caller)
      throws ScimException;

  ResourceView patch(
      String id,
      ObjectNode request,
      String ifMatch,
      Projection projection,
      ResourceLocation location,
      Caller caller)
      throws ScimException;

  void delete(String id, String ifMatch, Caller caller) throws ScimException;

  /** Dry runs of this type's writes, where it offers them. */
  default Optional<WritePreviews> previews() {
    return Optional.empty();
  }
}
