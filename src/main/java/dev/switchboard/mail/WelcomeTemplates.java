package dev.switchboard.mail;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The welcome emails' templates, per product ({@code contactCenter}, {@code phone}): a subject, a
 * plain-text body and an HTML body, in Mustache ({@code {{placeholder}}}, sections such as {@code
 * {{#queues}}…{{/queues}}} for "when not empty"). Defaults come from the jar ({@code mail/}); a
 * file of the same name in the override folder replaces one. Values are HTML-escaped in the HTML
 * body only. Every template is rendered once at load with every placeholder of its product, so a
 * typo in an override stops the server at start rather than failing each email later. Immutable and
 * thread-safe.
 */
public final class WelcomeTemplates {
  /** Placeholders every welcome email has. */
  public static final List<String> COMMON = List.of("userName", "displayName", "email");

  /** Each product's placeholders, besides {@link #COMMON}. */
  public static final Map<String, List<String>> PLACEHOLDERS =
      Map.of(
          "contactCenter", List.of("tier", "role", "queues", "agentId"),
          "phone", List.of("extension", "site", "directNumbers", "callingPackage"));

  private static final Mustache.Compiler TEXT =
      Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true);
  private static final Mustache.Compiler HTML =
      Mustache.compiler().escapeHTML(true).emptyStringIsFalse(true);

  private final Map<String, Parts> byProduct;

  private record Parts(Template subject, Template text, Template html) {}

  private WelcomeTemplates(Map<String, Parts> byProduct) {
    this.byProduct = byProduct;
  }

  /** The jar's templates, each replaced by a file of the same name in {@code folder} if any. */
  public static WelcomeTemplates load(Optional<Path> folder) {
    Map<String, Parts> parts = new LinkedHashMap<>();
    for (String product : PLACEHOLDERS.keySet()) {
      Parts templates =
          new Parts(
              compile(TEXT, product + ".subject.txt", folder),
              compile(TEXT, product + ".txt", folder),
              compile(HTML, product + ".html", folder));
      Map<String, String> sample = new LinkedHashMap<>();
      Stream.concat(COMMON.stream(), PLACEHOLDERS.get(product).stream())
          .forEach(name -> sample.put(name, "sample"));
      render(templates, product, sample);
      parts.put(product, templates);
    }
    return new WelcomeTemplates(Map.copyOf(parts));
  }

  /** The welcome email of {@code product} for {@code to}, with {@code values} filled in. */
  public OutgoingMail render(String product, String to, Map<String, String> values) {
    Parts parts = byProduct.get(product);
    if (parts == null) {
      throw new IllegalArgumentException("no welcome email for product '" + product + "'");
    }
    String[] rendered = render(parts, product, values);
    return new OutgoingMail(to, rendered[0], rendered[1], rendered[2]);
  }

  private static String[] render(Parts parts, String product, Map<String, String> values) {
    try {
      return new String[] {
        parts.subject().execute(values).strip().replaceAll("\\s*[\\r\\n]+\\s*", " "),
        parts.text().execute(values),
        parts.html().execute(values)
      };
    } catch (MustacheException e) {
      throw new IllegalArgumentException(
          "a "
              + product
              + " welcome template uses an unknown placeholder ("
              + e.getMessage()
              + "); known: "
              + Stream.concat(COMMON.stream(), PLACEHOLDERS.get(product).stream()).toList(),
          e);
    }
  }

  private static Template compile(Mustache.Compiler compiler, String name, Optional<Path> folder) {
    String source =
        folder
            .map(dir -> dir.resolve(name))
            .filter(Files::isRegularFile)
            .map(WelcomeTemplates::read)
            .orElseGet(() -> resource(name));
    try {
      return compiler.compile(source);
    } catch (MustacheException e) {
      throw new IllegalArgumentException(
          "the welcome template " + name + " is not valid Mustache: " + e.getMessage(), e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the welcome template " + file, e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = WelcomeTemplates.class.getResourceAsStream("/mail/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the jar has no welcome template mail/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read mail/" + name + " from the jar", e);
    }
  }
}
