package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.scim.Representation;
import dev.switchboard.store.ConfigChangeDao;
import dev.switchboard.store.ConfigChangeRow;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code GET /admin/config-changes}: the configuration change log, newest first. Thread-safe. */
public final class ConfigChanges {
  static final String SCHEMA = "urn:switchboard:params:scim:schemas:core:1.0:ConfigChange";
  private static final int MAX_COUNT = 1000;
  private final Database database;

  ConfigChanges(Database database) {
    this.database = database;
  }

  /**
   * One page of changes of {@code type} (empty: all) made at or after {@code since}; as RFC 7644
   * §3.4.2.4 says, a {@code startIndex} below 1 counts as 1 and a negative {@code count} as 0, and
   * the server caps {@code count} (at {@value #MAX_COUNT}).
   */
  public ListResult page(
      Optional<ConfigResourceType> type, Instant since, int requestedStart, int requestedCount) {
    int startIndex = Math.max(1, requestedStart);
    int count = Math.min(MAX_COUNT, Math.max(0, requestedCount));
    String typeName = type.map(ConfigResourceType::wireName).orElse("");
    long from = since.toEpochMilli();
    return database.read(
        handle -> {
          ConfigChangeDao changes = Daos.attach(handle, ConfigChangeDao.class);
          List<ObjectNode> page =
              changes.newestFirst(typeName, from, startIndex - 1L, count).stream()
                  .map(ConfigChanges::render)
                  .toList();
          return new ListResult(changes.count(typeName, from), startIndex, page);
        });
  }

  private static ObjectNode render(ConfigChangeRow row) {
    ObjectNode change = JsonUtils.getJsonNodeFactory().objectNode();
    change.putArray("schemas").add(SCHEMA);
    change.put("id", row.id());
    change.put("time", Instant.ofEpochMilli(row.changedAt()).toString());
    change.put("actor", row.actor());
    change.put("action", row.action());
    change.put("resourceType", row.resourceType());
    change.put("resourceId", row.resourceId());
    change.put("resourceName", row.resourceName());
    change.set(
        "before", row.beforeJson() == null ? null : Representation.parseJson(row.beforeJson()));
    change.set("after", row.afterJson() == null ? null : Representation.parseJson(row.afterJson()));
    return change;
  }
}
