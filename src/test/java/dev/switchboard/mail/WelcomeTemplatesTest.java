package dev.switchboard.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WelcomeTemplatesTest {
  @TempDir Path folder;

  private static Map<String, String> phone(String directNumbers, String callingPackage) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("userName", "ann");
    values.put("displayName", "Ann <A>");
    values.put("email", "ann@example.com");
    values.put("extension", "4100");
    values.put("site", "Lund");
    values.put("directNumbers", directNumbers);
    values.put("callingPackage", callingPackage);
    return values;
  }

  @Test
  void emptyValuesShowTheirFallbackAndNonEmptyOnesTheirSection() {
    WelcomeTemplates templates = WelcomeTemplates.load(Optional.empty());

    OutgoingMail none = templates.render("phone", "ann@example.com", phone("", ""));
    assertTrue(none.text().contains("Direct numbers: none"), none.text());
    assertTrue(!none.text().contains("Calling package"), none.text());

    OutgoingMail some = templates.render("phone", "ann@example.com", phone("+461, +462", "local"));
    assertTrue(some.text().contains("Direct numbers: +461, +462"), some.text());
    assertTrue(some.text().contains("Calling package: local"), some.text());
    assertTrue(some.text().contains("Hello Ann <A>,"), "plain text is not escaped");
    assertTrue(some.html().contains("Hello Ann &lt;A&gt;,"), some.html());
    assertEquals("Your phone extension is 4100", some.subject());
  }

  @Test
  void aSubjectIsOneLineWhateverTheFileHolds() throws Exception {
    Files.writeString(folder.resolve("phone.subject.txt"), "  Line one\r\n  {{extension}}\n\n");
    OutgoingMail mail =
        WelcomeTemplates.load(Optional.of(folder)).render("phone", "a@example.com", phone("", ""));
    assertEquals("Line one 4100", mail.subject());
  }

  @Test
  void anOverrideNamingAnUnknownPlaceholderStopsTheLoadAndListsTheKnownOnes() throws Exception {
    Files.writeString(folder.resolve("contactCenter.txt"), "Your tier: {{teir}}");
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> WelcomeTemplates.load(Optional.of(folder)));
    assertTrue(refused.getMessage().contains("unknown placeholder"), refused.getMessage());
    assertTrue(refused.getMessage().contains("queues"), refused.getMessage());
  }

  @Test
  void anOverrideThatIsNotMustacheStopsTheLoadNamingTheFile() throws Exception {
    Files.writeString(folder.resolve("phone.html"), "<p>{{#site}}unclosed</p>");
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> WelcomeTemplates.load(Optional.of(folder)));
    assertTrue(refused.getMessage().contains("phone.html"), refused.getMessage());
  }
}
