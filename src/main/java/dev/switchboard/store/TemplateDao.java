package dev.switchboard.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * License templates and the groups they bind to: by group id, or (when no id is stored) by the
 * group's displayName key, so a template follows the name through IdP creates and renames.
 */
public interface TemplateDao {
  String COLUMNS = "id, created, last_modified, version, body";

  /** Joins a group {@code g} to the templates {@code t} that bind to it. */
  String BINDS =
      "(t.group_id = g.id OR (t.group_id IS NULL AND t.group_display_key = g.display_name_key))";

  @SqlUpdate(
      "INSERT INTO license_templates (id, name, name_key, group_id, group_display_key,"
          + " contact_center, precedence, created, last_modified, version, body) VALUES (:id,"
          + " :name, :nameKey, :groupId, :groupDisplayKey, :contactCenter, :precedence, :created,"
          + " :lastModified, :version, :body)")
  void insert(
      @Bind("id") String id,
      @Bind("name") String name,
      @Bind("nameKey") String nameKey,
      @Bind("groupId") String groupId,
      @Bind("groupDisplayKey") String groupDisplayKey,
      @Bind("contactCenter") String contactCenter,
      @Bind("precedence") long precedence,
      @Bind("created") long created,
      @Bind("lastModified") long lastModified,
      @Bind("version") long version,
      @Bind("body") String body);

  @SqlUpdate(
      "UPDATE license_templates SET name = :name, name_key = :nameKey, group_id = :groupId,"
          + " group_display_key = :groupDisplayKey, contact_center = :contactCenter,"
          + " precedence = :precedence, last_modified = :lastModified, version = :version,"
          + " body = :body WHERE id = :id")
  int update(
      @Bind("id") String id,
      @Bind("name") String name,
      @Bind("nameKey") String nameKey,
      @Bind("groupId") String groupId,
      @Bind("groupDisplayKey") String groupDisplayKey,
      @Bind("contactCenter") String contactCenter,
      @Bind("precedence") long precedence,
      @Bind("lastModified") long lastModified,
      @Bind("version") long version,
      @Bind("body") String body);

  @SqlQuery("SELECT " + COLUMNS + " FROM license_templates WHERE id = :id")
  @RegisterConstructorMapper(AdminRow.class)
  Optional<AdminRow> find(@Bind("id") String id);

  @SqlQuery("SELECT id FROM license_templates WHERE name_key = :key")
  Optional<String> idByNameKey(@Bind("key") String key);

  @SqlQuery("SELECT body FROM license_templates")
  List<String> bodies();

  @SqlUpdate("DELETE FROM license_templates WHERE id = :id")
  int delete(@Bind("id") String id);

  /** The group-template demands of these users: one row per (user, group, template). */
  @SqlQuery(
      "SELECT m.user_id, g.id AS group_id, g.display_name AS group_name, t.name AS template_name,"
          + " t.contact_center, t.precedence, t.body AS template_body"
          + " FROM group_members m JOIN groups g ON g.id = m.group_id"
          + " JOIN license_templates t ON "
          + BINDS
          + " WHERE m.user_id IN (<userIds>)")
  @RegisterConstructorMapper(TemplateDemandRow.class)
  List<TemplateDemandRow> demandsOf(@BindList("userIds") Collection<String> userIds);

  /** The templates that bind to a group now: (template id, template name). */
  @SqlQuery(
      "SELECT t.id, t.name FROM groups g JOIN license_templates t ON "
          + BINDS
          + " WHERE g.id = :groupId ORDER BY t.name_key")
  @RegisterConstructorMapper(TemplateRef.class)
  List<TemplateRef> templatesOf(@Bind("groupId") String groupId);

  /** The templates that would bind a group of this displayName key and id. */
  @SqlQuery(
      "SELECT t.id, t.name FROM license_templates t WHERE t.group_id = :groupId"
          + " OR (t.group_id IS NULL AND t.group_display_key = :displayKey) ORDER BY t.name_key")
  @RegisterConstructorMapper(TemplateRef.class)
  List<TemplateRef> templatesFor(
      @Bind("groupId") String groupId, @Bind("displayKey") String displayKey);

  /** The members of the group a binding (id, else displayName key) names now. */
  @SqlQuery(
      "SELECT m.user_id FROM group_members m JOIN groups g ON g.id = m.group_id"
          + " WHERE g.id = :groupId OR (g.display_name_key = :displayKey AND :byName)")
  List<String> membersBoundBy(
      @Bind("groupId") String groupId,
      @Bind("displayKey") String displayKey,
      @Bind("byName") boolean byName);
}
