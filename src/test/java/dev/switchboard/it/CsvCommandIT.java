package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.it.JarProcess.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The {@code import} and {@code export} commands against a running jar, as an admin runs them. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CsvCommandIT {
  private static final String TOKEN = "csv-admin-token";

  @TempDir Path dir;

  @Test
  void importShowsProgressAndErrorLinesAndExportWritesTheResult() throws Exception {
    try (JarProcess server =
        JarProcess.start(dir.resolve("switchboard.db"), Map.of("SWITCHBOARD_ADMIN_TOKEN", TOKEN))) {
      for (String userName : new String[] {"ann@example.com", "bo@example.com"}) {
        assertEquals(
            201,
            server
                .send("POST", "/scim/v2/Users", TOKEN, "{\"userName\":\"" + userName + "\"}")
                .statusCode());
      }
      String url = server.scimBase().toString();
      Path rows = dir.resolve("rows.csv");
      Files.writeString(
          rows,
          "userName,license,queues\r\nann@example.com,premium,Sales\r\n"
              + "ghost@example.com,standard,\r\nbo@example.com,standard,\"Sales;Support\"\r\n");

      CommandResult partly =
          JarProcess.run(
              dir, "import", rows.toString(), "--mode", "add", "--url", url, "--token", TOKEN);

      assertEquals(1, partly.exitCode(), partly.toString());
      assertTrue(partly.stdout().contains("100%: 3/3 rows, 1 failed"), partly.stdout());
      assertTrue(partly.stdout().contains("done: 2 rows applied, 1 failed"), partly.stdout());
      assertTrue(
          partly.stderr().contains("line 3: column userName: there is no user 'ghost@example.com'"),
          partly.stderr());

      CommandResult export = JarProcess.run(dir, "export", "--url", url, "--token", TOKEN);

      assertEquals(0, export.exitCode(), export.toString());
      assertTrue(
          export.stdout().startsWith("userName,displayName,active,license,"), export.stdout());
      assertTrue(
          export.stdout().contains("ann@example.com,,true,premium,,Sales,"), export.stdout());
      assertTrue(
          export.stdout().contains("bo@example.com,,true,standard,,Sales;Support,"),
          export.stdout());

      Path exported = dir.resolve("users.csv");
      Files.writeString(exported, export.stdout());
      CommandResult clean =
          JarProcess.run(
              dir, "import", exported.toString(), "--mode", "sync", "--url", url, "--token", TOKEN);
      assertEquals(0, clean.exitCode(), clean.toString());

      CommandResult badMode =
          JarProcess.run(
              dir, "import", rows.toString(), "--mode", "merge", "--url", url, "--token", TOKEN);
      assertEquals(2, badMode.exitCode(), badMode.toString());
      assertTrue(badMode.stderr().contains("mode must be 'add'"), badMode.stderr());
      assertTrue(!badMode.stderr().contains(TOKEN), "the token is never echoed");
    }
  }
}
