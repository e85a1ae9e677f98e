package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console's files come from a folder when one is given (console work without rebuilds). */
class ConsoleResourceTest {
  @Test
  void aGivenFolderIsServedInsteadOfTheJar() throws Exception {
    Path folder = Files.createTempDirectory("console");
    Files.createDirectories(folder.resolve("pages"));
    Files.writeString(folder.resolve("pages/users.js"), "export const title = 'edited';");
    ConsoleResource console = new ConsoleResource(Optional.of(folder));

    Response edited = console.asset("pages/users.js");
    assertEquals(200, edited.getStatus());
    try (InputStream body = (InputStream) edited.getEntity()) {
      assertEquals(
          "export const title = 'edited';",
          new String(body.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertEquals(404, console.asset("app.js").getStatus(), "nothing from the jar then");
    assertEquals(404, console.asset("../secret.js").getStatus());
  }
}
