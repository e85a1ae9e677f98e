package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.OverviewQueries;
import dev.switchboard.store.TemplateDao;
import dev.switchboard.store.TemplateRef;

/**
 * Groups by name with their member counts and the templates bound to them: what an admin scans
 * before mapping groups to tiers. Paged like a SCIM list. Thread-safe.
 */
public final class GroupOverview {
  static final int MAX_COUNT = 200;
  private final Database database;

  GroupOverview(Database database) {
    this.database = database;
  }

  /**
   * {"totalResults", "startIndex", "itemsPerPage", "Resources": [{"id", "displayName",
   * "memberCount", "templates": [{"value", "display"}]}]}.
   */
  public ObjectNode page(String search, int startIndex, int count) throws BadRequestException {
    if (startIndex < 1 || count < 0 || count > MAX_COUNT) {
      throw BadRequestException.invalidValue(
          "startIndex starts at 1 and count is between 0 and " + MAX_COUNT);
    }
    return database.read(
        handle -> {
          ObjectNode body = JsonUtils.getJsonNodeFactory().objectNode();
          body.put("totalResults", OverviewQueries.groupCount(handle, search));
          body.put("startIndex", startIndex);
          ArrayNode resources = JsonUtils.getJsonNodeFactory().arrayNode();
          TemplateDao templates = Daos.attach(handle, TemplateDao.class);
          for (OverviewQueries.GroupSize group :
              OverviewQueries.groups(handle, search, startIndex - 1L, count)) {
            ObjectNode entry = resources.addObject();
            entry.put("id", group.id());
            entry.put("displayName", group.displayName());
            entry.put("memberCount", group.members());
            ArrayNode bound = entry.putArray("templates");
            for (TemplateRef template :
                templates.templatesFor(group.id(), group.displayNameKey())) {
              bound.addObject().put("value", template.id()).put("display", template.name());
            }
          }
          body.put("itemsPerPage", resources.size());
          body.set("Resources", resources);
          return body;
        });
  }
}
