package dev.switchboard;

import dev.switchboard.store.StoreLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * The engine the tests run on. By default SQLite files; with the system property {@value
 * #POSTGRES_PROPERTY} set to a {@code jdbc:postgresql://} URL (credentials from {@value
 * #USER_PROPERTY} and {@value #PASSWORD_PROPERTY}), every store is a schema of its own in that
 * database instead, so the same tests drive the same code on PostgreSQL. A test that names a file
 * (to stop and start on it again) gets the same schema for the same file.
 */
public final class TestStores {
  public static final String POSTGRES_PROPERTY = "switchboard.test.postgres";
  public static final String USER_PROPERTY = "switchboard.test.postgres.user";
  public static final String PASSWORD_PROPERTY = "switchboard.test.postgres.password";

  private TestStores() {}

  /** True when this run's stores are on PostgreSQL. */
  public static boolean onPostgres() {
    return postgresUrl() != null;
  }

  /** A new, empty store. */
  public static StoreLocation fresh() {
    try {
      return at(Files.createTempDirectory("switchboard-test").resolve("switchboard.db"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The store for {@code file}: the file itself, or on PostgreSQL the schema named after it. */
  public static StoreLocation at(Path file) {
    String base = postgresUrl();
    if (base == null) {
      return new StoreLocation.SqliteFile(file);
    }
    String schema = "t_" + digest(file.toAbsolutePath().toString());
    StoreLocation.Postgres shared = shared();
    try (Connection connection = dataSource(shared).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + schema + " on " + base, e);
    }
    String separator = base.contains("?") ? "&" : "?";
    return new StoreLocation.Postgres(
        base + separator + "currentSchema=" + schema, shared.user(), shared.password());
  }

  /** The PostgreSQL database the schemas live in (only when {@link #onPostgres}). */
  public static StoreLocation.Postgres shared() {
    return new StoreLocation.Postgres(
        postgresUrl(), System.getProperty(USER_PROPERTY), System.getProperty(PASSWORD_PROPERTY));
  }

  /** A plain, unpooled data source on {@code location}, for tests that read it with SQL. */
  public static DataSource dataSource(StoreLocation location) {
    if (location instanceof StoreLocation.Postgres postgres) {
      PGSimpleDataSource source = new PGSimpleDataSource();
      source.setUrl(postgres.url());
      source.setUser(postgres.user());
      source.setPassword(postgres.password());
      return source;
    }
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + ((StoreLocation.SqliteFile) location).file());
    return source;
  }

  private static String postgresUrl() {
    String url = System.getProperty(POSTGRES_PROPERTY, "");
    return url.isBlank() ? null : url;
  }

  private static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
