package dev.switchboard.store;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * What SQL may touch for one resource type: the table, its columns, and the whitelist of SCIM
 * attribute paths (lower-case) that map to an index. Immutable.
 *
 * @param <R> the row record
 */
public final class ResourceTable<R> {
  /** How an indexed attribute compares. */
  public enum Match {
    EXACT,
    CASELESS,
    BOOLEAN,
    EMAIL,
    QUEUE,
    MEMBER_OF_GROUP,
    GROUP_HAS_MEMBER
  }

  /** A filterable attribute: how it matches and the column (or subquery anchor) that holds it. */
  public record Indexed(Match match, String column) {}

  private static final String CONTACT_CENTER =
      "urn:switchboard:params:scim:schemas:extension:contactcenter:1.0:user";
  private static final String PHONE =
      "urn:switchboard:params:scim:schemas:extension:phone:1.0:user";

  public static final ResourceTable<UserRow> USERS =
      new ResourceTable<>(
          "users",
          UserDao.COLUMNS,
          new UserRowMapper(),
          Map.ofEntries(
              Map.entry("id", new Indexed(Match.EXACT, "id")),
              Map.entry("username", new Indexed(Match.CASELESS, "user_name_key")),
              Map.entry("displayname", new Indexed(Match.CASELESS, "display_name_key")),
              Map.entry("externalid", new Indexed(Match.EXACT, "external_id")),
              Map.entry("active", new Indexed(Match.BOOLEAN, "active")),
              Map.entry("emails.value", new Indexed(Match.EMAIL, "id")),
              Map.entry("groups.value", new Indexed(Match.MEMBER_OF_GROUP, "id")),
              // Resolved licensing lives in lowercase wire-name columns: the console's filters.
              Map.entry(
                  CONTACT_CENTER + ":effectivelicense",
                  new Indexed(Match.CASELESS, "cc_effective")),
              Map.entry(CONTACT_CENTER + ":licensestate", new Indexed(Match.CASELESS, "cc_state")),
              Map.entry(PHONE + ":licensestate", new Indexed(Match.CASELESS, "phone_state")),
              Map.entry(CONTACT_CENTER + ":queues", new Indexed(Match.QUEUE, "id"))),
          Map.of(
              "id", "id",
              "username", "user_name_key",
              "displayname", "display_name_key",
              "externalid", "external_id",
              "meta.created", "created",
              "meta.lastmodified", "last_modified"),
          Set.of("display_name_key", "external_id"));

  public static final ResourceTable<GroupRow> GROUPS =
      new ResourceTable<>(
          "groups",
          GroupDao.COLUMNS,
          ConstructorMapper.of(GroupRow.class),
          Map.of(
              "id", new Indexed(Match.EXACT, "id"),
              "displayname", new Indexed(Match.CASELESS, "display_name_key"),
              "externalid", new Indexed(Match.EXACT, "external_id"),
              "members.value", new Indexed(Match.GROUP_HAS_MEMBER, "id")),
          Map.of(
              "id", "id",
              "displayname", "display_name_key",
              "externalid", "external_id",
              "meta.created", "created",
              "meta.lastmodified", "last_modified"),
          Set.of("external_id"));

  public static final ResourceTable<AdminRow> LICENSE_TEMPLATES =
      new ResourceTable<>(
          "license_templates",
          TemplateDao.COLUMNS,
          ConstructorMapper.of(AdminRow.class),
          Map.of(
              "id", new Indexed(Match.EXACT, "id"),
              "name", new Indexed(Match.CASELESS, "name_key"),
              "group.value", new Indexed(Match.EXACT, "group_id"),
              "contactcenter", new Indexed(Match.CASELESS, "contact_center")),
          Map.of(
              "id", "id",
              "name", "name_key",
              "precedence", "precedence",
              "meta.created", "created",
              "meta.lastmodified", "last_modified"));

  public static final ResourceTable<AdminRow> AUDIT_EVENTS =
      new ResourceTable<>(
          "audit_events",
          TemplateDao.COLUMNS,
          ConstructorMapper.of(AdminRow.class),
          Map.of(
              "id", new Indexed(Match.EXACT, "id"),
              "user.value", new Indexed(Match.EXACT, "user_id"),
              "product", new Indexed(Match.EXACT, "product")),
          Map.of("id", "id", "time", "created", "meta.created", "created"));

  public static final ResourceTable<AdminRow> SITES =
      new ResourceTable<>(
          "sites",
          SiteDao.COLUMNS,
          ConstructorMapper.of(AdminRow.class),
          Map.of(
              "id", new Indexed(Match.EXACT, "id"),
              "name", new Indexed(Match.CASELESS, "name_key"),
              "isdefault", new Indexed(Match.BOOLEAN, "is_default")),
          Map.of("id", "id", "name", "name_key", "meta.created", "created"));

  public static final ResourceTable<AdminRow> CALLING_PACKAGES =
      new ResourceTable<>(
          "calling_packages",
          SiteDao.COLUMNS,
          ConstructorMapper.of(AdminRow.class),
          Map.of(
              "id", new Indexed(Match.EXACT, "id"),
              "name", new Indexed(Match.CASELESS, "name_key")),
          Map.of("id", "id", "name", "name_key", "rank", "rank", "meta.created", "created"));

  public static final ResourceTable<AdminRow> PHONE_NUMBERS =
      new ResourceTable<>(
          "phone_numbers",
          SiteDao.COLUMNS,
          ConstructorMapper.of(AdminRow.class),
          Map.of(
              "id", new Indexed(Match.EXACT, "id"),
              "number", new Indexed(Match.EXACT, "number"),
              "state", new Indexed(Match.EXACT, "state"),
              "assignedto.value", new Indexed(Match.EXACT, "user_id")),
          Map.of("id", "id", "number", "number", "meta.created", "created"));

  public static final ResourceTable<AdminRow> WEBHOOKS =
      new ResourceTable<>(
          "webhooks",
          WebhookDao.COLUMNS,
          ConstructorMapper.of(AdminRow.class),
          Map.of(
              "id", new Indexed(Match.EXACT, "id"),
              "url", new Indexed(Match.EXACT, "url"),
              "active", new Indexed(Match.BOOLEAN, "active"),
              "state", new Indexed(Match.EXACT, "state")),
          Map.of("id", "id", "url", "url", "meta.created", "created"));

  private final String name;
  private final String columns;
  private final RowMapper<R> mapper;
  private final Map<String, Indexed> indexed;
  private final Map<String, String> sortable;
  private final Set<String> nullable;

  private ResourceTable(
      String name,
      String columns,
      RowMapper<R> mapper,
      Map<String, Indexed> indexed,
      Map<String, String> sortable) {
    this(name, columns, mapper, indexed, sortable, Set.of());
  }

  private ResourceTable(
      String name,
      String columns,
      RowMapper<R> mapper,
      Map<String, Indexed> indexed,
      Map<String, String> sortable,
      Set<String> nullable) {
    this.name = name;
    this.columns = columns;
    this.mapper = mapper;
    this.indexed = indexed;
    this.sortable = sortable;
    this.nullable = nullable;
  }

  public String name() {
    return name;
  }

  public String columns() {
    return columns;
  }

  /** Maps a row of {@link #columns()} (Jdbi's mappers are thread-safe). */
  public RowMapper<R> mapper() {
    return mapper;
  }

  /** The index behind a lower-cased attribute path, if there is one. */
  public Optional<Indexed> indexed(String path) {
    return Optional.ofNullable(indexed.get(path));
  }

  /** True for a sort column that may be NULL: its rows without a value must sort last. */
  public boolean nullable(String column) {
    return nullable.contains(column);
  }

  /** The column that sorts a lower-cased attribute path, if SQL can sort by it. */
  public Optional<String> sortColumn(String path) {
    return Optional.ofNullable(sortable.get(path));
  }
}
