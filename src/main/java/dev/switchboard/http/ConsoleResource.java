package dev.switchboard.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The admin console's static files, from the jar's {@code console/} folder: {@code GET /admin/} is
 * the page, {@code GET /admin/assets/…} its scripts and styles. Loading them needs no token (they
 * hold no data); every call the page makes carries the admin token. A strict content security
 * policy keeps the page to its own scripts, so a value shown on it can never run as code.
 */
@jakarta.ws.rs.Path(AdminApi.PATH)
public final class ConsoleResource {
  static final String ASSETS = "assets";
  private static final String FOLDER = "console/";

  /** Plain names only: no "..", no absolute paths, a known extension. */
  private static final Pattern ASSET_NAME =
      Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.(html|js|css|svg|png)");

  private static final Map<String, String> MEDIA_TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png");

  private final Path folder;

  /**
   * Serves the files in the jar, or, when {@code folder} is given, the files in that folder (for
   * working on the console without rebuilding the jar).
   */
  public ConsoleResource(Optional<Path> folder) {
    this.folder = folder.orElse(null);
  }

  @GET
  public Response page() {
    return serve("index.html");
  }

  @GET
  @jakarta.ws.rs.Path(ASSETS + "/{name: .+}")
  public Response asset(@PathParam("name") String name) {
    return serve(name);
  }

  private Response serve(String name) {
    Optional<InputStream> file = open(name);
    if (file.isEmpty()) {
      return ScimResponses.error(404, null, "The console has no file " + name);
    }
    return Response.ok(file.get(), MEDIA_TYPES.get(extension(name)))
        .header(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none';"
                + " form-action 'self'")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-cache")
        .build();
  }

  private Optional<InputStream> open(String name) {
    if (!ASSET_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    if (folder == null) {
      return Optional.ofNullable(
          ConsoleResource.class.getClassLoader().getResourceAsStream(FOLDER + name));
    }
    try {
      return Optional.of(Files.newInputStream(folder.resolve(name)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String extension(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /**
   * True for the console's own files, which load without a token (GET only). The name must be a
   * plain one, so no "..", encoded or not, can lead past the token check to another route.
   */
  static boolean serves(String method, String path) {
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return false;
    }
    String assets = AdminApi.PATH + "/" + ASSETS + "/";
    return path.equals(AdminApi.PATH)
        || path.startsWith(assets) && ASSET_NAME.matcher(path.substring(assets.length())).matches();
  }
}
