package dev.switchboard.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Sites and their extension ranges. Runs inside the caller's transaction. */
public interface SiteDao {
  String COLUMNS = "id, created, last_modified, version, body";

  @SqlUpdate(
      "INSERT INTO sites (id, name, name_key, is_default, cooldown_days, hold_days, created,"
          + " last_modified, version, body) VALUES (:id, :name, :nameKey, :isDefault,"
          + " :cooldownDays, :holdDays, :now, :now, 1, :body)")
  void insert(
      @Bind("id") String id,
      @Bind("name") String name,
      @Bind("nameKey") String nameKey,
      @Bind("isDefault") boolean isDefault,
      @Bind("cooldownDays") long cooldownDays,
      @Bind("holdDays") long holdDays,
      @Bind("now") long now,
      @Bind("body") String body);

  @SqlUpdate(
      "UPDATE sites SET name = :name, name_key = :nameKey, is_default = :isDefault,"
          + " cooldown_days = :cooldownDays, hold_days = :holdDays, last_modified = :now,"
          + " version = version + 1, body = :body WHERE id = :id")
  int update(
      @Bind("id") String id,
      @Bind("name") String name,
      @Bind("nameKey") String nameKey,
      @Bind("isDefault") boolean isDefault,
      @Bind("cooldownDays") long cooldownDays,
      @Bind("holdDays") long holdDays,
      @Bind("now") long now,
      @Bind("body") String body);

  @SqlQuery("SELECT " + COLUMNS + " FROM sites WHERE id = :id")
  @RegisterConstructorMapper(AdminRow.class)
  Optional<AdminRow> find(@Bind("id") String id);

  @SqlQuery("SELECT id, name, is_default, cooldown_days, hold_days FROM sites WHERE id = :id")
  @RegisterConstructorMapper(SiteRow.class)
  Optional<SiteRow> columns(@Bind("id") String id);

  @SqlQuery(
      "SELECT id, name, is_default, cooldown_days, hold_days FROM sites WHERE name_key = :key")
  @RegisterConstructorMapper(SiteRow.class)
  Optional<SiteRow> byNameKey(@Bind("key") String key);

  @SqlQuery("SELECT id, name, is_default, cooldown_days, hold_days FROM sites ORDER BY name_key")
  @RegisterConstructorMapper(SiteRow.class)
  List<SiteRow> all();

  @SqlQuery("SELECT id, name, is_default, cooldown_days, hold_days FROM sites WHERE is_default")
  @RegisterConstructorMapper(SiteRow.class)
  Optional<SiteRow> defaultSite();

  @SqlQuery("SELECT COUNT(*) FROM sites")
  long count();

  @SqlUpdate(
      "UPDATE sites SET is_default = FALSE, version = version + 1 WHERE is_default"
          + " AND id <> :id")
  int clearDefaultExcept(@Bind("id") String id);

  @SqlUpdate("DELETE FROM sites WHERE id = :id")
  int delete(@Bind("id") String id);

  @SqlUpdate("DELETE FROM site_ranges WHERE site_id = :siteId")
  void deleteRanges(@Bind("siteId") String siteId);

  @SqlUpdate(
      "INSERT INTO site_ranges (site_id, range_from, range_to, digits)"
          + " VALUES (:siteId, :from, :to, :digits)")
  void insertRange(
      @Bind("siteId") String siteId,
      @Bind("from") long from,
      @Bind("to") long to,
      @Bind("digits") int digits);

  @SqlQuery(
      "SELECT range_from, range_to, digits FROM site_ranges WHERE site_id = :siteId"
          + " ORDER BY digits, range_from")
  @RegisterConstructorMapper(SiteRange.class)
  List<SiteRange> ranges(@Bind("siteId") String siteId);

  /** Another site's range sharing a number with this one. */
  @SqlQuery(
      "SELECT COUNT(*) FROM site_ranges WHERE site_id <> :siteId AND digits = :digits"
          + " AND range_from <= :to AND range_to >= :from")
  long overlapping(
      @Bind("siteId") String siteId,
      @Bind("from") long from,
      @Bind("to") long to,
      @Bind("digits") int digits);

  /** Users placed on this site, and numbers of the inventory belonging to it. */
  @SqlQuery(
      "SELECT (SELECT COUNT(*) FROM users WHERE phone_site = :id)"
          + " + (SELECT COUNT(*) FROM phone_numbers WHERE site_key = :nameKey)")
  long usage(@Bind("id") String id, @Bind("nameKey") String nameKey);
}
