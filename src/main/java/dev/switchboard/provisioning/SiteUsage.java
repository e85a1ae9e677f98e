package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.OverviewQueries;
import dev.switchboard.store.SiteDao;
import dev.switchboard.store.SiteRange;
import dev.switchboard.store.SiteRow;

/**
 * Each site's extension ranges with how many numbers are taken (assigned, held for a deactivated
 * user, or cooling down) and how many are free to assign. Thread-safe.
 */
public final class SiteUsage {
  private final Database database;

  SiteUsage(Database database) {
    this.database = database;
  }

  /**
   * {"sites": [{"id", "name", "isDefault", "ranges": [{"from", "to", "size", "used", "free"}]}]}.
   */
  public ObjectNode all() {
    return database.read(
        handle -> {
          ObjectNode body = JsonUtils.getJsonNodeFactory().objectNode();
          ArrayNode sites = body.putArray("sites");
          SiteDao sitesDao = Daos.attach(handle, SiteDao.class);
          for (SiteRow site : sitesDao.all()) {
            ObjectNode entry = sites.addObject();
            entry.put("id", site.id());
            entry.put("name", site.name());
            entry.put("isDefault", site.isDefault());
            ArrayNode ranges = entry.putArray("ranges");
            for (SiteRange range : sitesDao.ranges(site.id())) {
              long size = range.rangeTo() - range.rangeFrom() + 1;
              long used = OverviewQueries.extensionsTaken(handle, range);
              ranges
                  .addObject()
                  .put("from", digits(range.rangeFrom(), range.digits()))
                  .put("to", digits(range.rangeTo(), range.digits()))
                  .put("size", size)
                  .put("used", used)
                  .put("free", size - used);
            }
          }
          return body;
        });
  }

  /** A range bound written as the site wrote it: with its leading zeros. */
  private static String digits(long value, int digits) {
    return String.format("%0" + digits + "d", value);
  }
}
