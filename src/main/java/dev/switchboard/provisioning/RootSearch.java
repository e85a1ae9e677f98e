package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import dev.switchboard.scim.ListQuery;
import dev.switchboard.scim.ResourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 7644 §3.4.3 {@code POST /.search} at the root: one query over every resource type, in type
 * order (Users, then Groups), paged across them. A type whose schema lacks an attribute the filter
 * names simply has no matches. Thread-safe.
 */
public final class RootSearch {
  private final List<ResourceService> services;

  public RootSearch(List<ResourceService> services) {
    this.services = List.copyOf(services);
  }

  public ListResult search(ListQuery.Params params, ResourceLocation location)
      throws ScimException {
    List<ResourceService> searchable = new ArrayList<>();
    List<ListQuery> queries = new ArrayList<>();
    BadRequestException firstError = null;
    for (ResourceService service : services) {
      try {
        queries.add(ListQuery.parse(service.kind(), params));
        searchable.add(service);
      } catch (BadRequestException e) {
        firstError = firstError == null ? e : firstError;
      }
    }
    if (searchable.isEmpty()) {
      throw firstError;
    }
    ListQuery first = queries.get(0);
    long skip = first.startIndex() - 1L;
    int remaining = first.count();
    long total = 0;
    List<ObjectNode> page = new ArrayList<>();
    for (int i = 0; i < searchable.size(); i++) {
      ListQuery query = queries.get(i);
      long matches = searchable.get(i).list(query.withPage(1, 0), location).totalResults();
      total += matches;
      if (skip >= matches) {
        skip -= matches;
        continue;
      }
      int take = (int) Math.min(remaining, matches - skip);
      if (take > 0) {
        page.addAll(
            searchable.get(i).list(query.withPage((int) skip + 1, take), location).resources());
        remaining -= take;
      }
      skip = 0;
    }
    return new ListResult(total, first.startIndex(), page);
  }
}
