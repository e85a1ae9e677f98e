package dev.switchboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way (STYLE.md): http → provisioning → {batch, scim, store}. The store
 * knows no HTTP, SCIM model code no store or HTTP, and nothing below http imports JAX-RS.
 */
class ArchitectureTest {
  private static final Map<String, List<String>> FORBIDDEN =
      Map.of(
          "licensing",
          List.of(
              "dev.switchboard.",
              "org.jdbi",
              "jakarta",
              "com.fasterxml",
              "com.unboundid",
              "org.glassfish",
              "org.slf4j"),
          "store",
          List.of(
              "dev.switchboard.http",
              "dev.switchboard.provisioning",
              "dev.switchboard.scim",
              "jakarta.ws.rs",
              "org.glassfish"),
          "scim",
          List.of(
              "dev.switchboard.http",
              "dev.switchboard.provisioning",
              "dev.switchboard.store",
              "jakarta.ws.rs",
              "org.jdbi",
              "org.glassfish"),
          "batch",
          List.of(
              "dev.switchboard.http",
              "dev.switchboard.provisioning",
              "dev.switchboard.store",
              "jakarta.ws.rs",
              "org.jdbi",
              "org.glassfish"),
          "mail",
          List.of(
              "dev.switchboard.http",
              "dev.switchboard.provisioning",
              "dev.switchboard.store",
              "dev.switchboard.scim",
              "jakarta.ws.rs",
              "org.jdbi",
              "org.glassfish"),
          "provisioning",
          List.of("dev.switchboard.http", "dev.switchboard.cli", "jakarta.ws.rs", "org.glassfish"));

  @Test
  void layersOnlyDependDownwards() throws IOException {
    List<String> violations = new ArrayList<>();
    Path root = Path.of("src/main/java/dev/switchboard");
    for (var layer : FORBIDDEN.entrySet()) {
      try (Stream<Path> files = Files.walk(root.resolve(layer.getKey()))) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          for (String line : Files.readAllLines(file)) {
            for (String forbidden : layer.getValue()) {
              if (line.startsWith("import " + forbidden)
                  || line.startsWith("import static " + forbidden)) {
                violations.add(root.relativize(file) + ": " + line);
              }
            }
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }
}
