package dev.switchboard.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The calling-package catalogue. Runs inside the caller's transaction. */
public interface CallingPackageDao {
  /** A package's name and rank. */
  record Ranked(String name, long rank) {}

  @SqlUpdate(
      "INSERT INTO calling_packages (id, name, name_key, rank, created, last_modified, version,"
          + " body) VALUES (:id, :name, :nameKey, :rank, :now, :now, 1, :body)")
  void insert(
      @Bind("id") String id,
      @Bind("name") String name,
      @Bind("nameKey") String nameKey,
      @Bind("rank") long rank,
      @Bind("now") long now,
      @Bind("body") String body);

  @SqlUpdate(
      "UPDATE calling_packages SET name = :name, name_key = :nameKey, rank = :rank,"
          + " last_modified = :now, version = version + 1, body = :body WHERE id = :id")
  int update(
      @Bind("id") String id,
      @Bind("name") String name,
      @Bind("nameKey") String nameKey,
      @Bind("rank") long rank,
      @Bind("now") long now,
      @Bind("body") String body);

  @SqlQuery("SELECT id, created, last_modified, version, body FROM calling_packages WHERE id = :id")
  @RegisterConstructorMapper(AdminRow.class)
  Optional<AdminRow> find(@Bind("id") String id);

  @SqlQuery("SELECT id FROM calling_packages WHERE name_key = :key")
  Optional<String> idByNameKey(@Bind("key") String key);

  @SqlQuery("SELECT name, rank FROM calling_packages")
  @RegisterConstructorMapper(Ranked.class)
  List<Ranked> all();

  @SqlQuery("SELECT COUNT(*) FROM users WHERE phone_package = :name")
  long usersOf(@Bind("name") String name);

  @SqlUpdate("DELETE FROM calling_packages WHERE id = :id")
  int delete(@Bind("id") String id);
}
