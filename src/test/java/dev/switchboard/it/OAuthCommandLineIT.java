package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code client} commands on the store, and the token lifetime option's startup check, as an
 * operator meets them.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OAuthCommandLineIT {
  @TempDir Path dir;

  @Test
  void clientCommandsCreateRotateAndDelete() {
    String db = dir.resolve("switchboard.db").toString();
    JarProcess.CommandResult created =
        JarProcess.run(dir, "client", "create", "--name", "entra", "--scope", "idp", "--db", db);
    assertEquals(0, created.exitCode(), created.toString());
    assertTrue(created.stdout().contains("client_secret sbs_"), created.toString());
    String secret =
        created
            .stdout()
            .lines()
            .filter(l -> l.startsWith("client_secret"))
            .findFirst()
            .orElseThrow()
            .split("\\s+")[1];
    String firstId =
        created
            .stdout()
            .lines()
            .filter(l -> l.startsWith("secret id"))
            .findFirst()
            .orElseThrow()
            .split("\\s+")[2];

    JarProcess.CommandResult added =
        JarProcess.run(dir, "client", "secret", "add", "entra", "--db", db);
    assertEquals(0, added.exitCode(), added.toString());
    JarProcess.CommandResult third =
        JarProcess.run(dir, "client", "secret", "add", "entra", "--db", db);
    assertEquals(1, third.exitCode(), third.toString());
    assertTrue(third.stderr().contains("has 2 active secrets; revoke one"), third.toString());

    JarProcess.CommandResult list = JarProcess.run(dir, "client", "list", "--db", db);
    assertTrue(list.stdout().contains("entra") && list.stdout().contains(firstId), list.toString());
    assertFalse(list.stdout().contains(secret), "list never prints a secret");

    JarProcess.CommandResult revoked =
        JarProcess.run(dir, "client", "secret", "revoke", "entra", firstId, "--db", db);
    assertEquals(0, revoked.exitCode(), revoked.toString());
    assertFalse(JarProcess.run(dir, "client", "list", "--db", db).stdout().contains(firstId));

    assertEquals(
        1,
        JarProcess.run(dir, "client", "create", "--name", "entra", "--scope", "idp", "--db", db)
            .exitCode(),
        "names are unique");
    assertEquals(
        1,
        JarProcess.run(dir, "client", "create", "--name", "x", "--scope", "root", "--db", db)
            .exitCode());
    assertEquals(0, JarProcess.run(dir, "client", "delete", "entra", "--db", db).exitCode());
    JarProcess.CommandResult gone = JarProcess.run(dir, "client", "delete", "entra", "--db", db);
    assertEquals(1, gone.exitCode());
    assertTrue(gone.stderr().contains("no OAuth client named entra"), gone.toString());
  }

  @Test
  void aTokenLifetimeOutOfRangeStopsTheStartWithAClearError() {
    String db = dir.resolve("switchboard.db").toString();
    JarProcess.CommandResult tooLong =
        JarProcess.run(dir, "--port", "0", "--db", db, "--oauth-token-lifetime", "7h");
    assertEquals(2, tooLong.exitCode(), tooLong.toString());
    assertTrue(
        tooLong.stderr().contains("the OAuth token lifetime is 1h to 6h, not 7h"),
        tooLong.toString());
    assertFalse(tooLong.stdout().contains("listening on"), tooLong.toString());
  }
}
