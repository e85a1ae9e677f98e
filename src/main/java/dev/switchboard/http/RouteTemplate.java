package dev.switchboard.http;

import java.util.List;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * The route template a request matched, e.g. {@code /scim/v2/Users/{id}}: what metrics label and
 * the access log show instead of the raw path, so ids never become labels or log fields.
 */
final class RouteTemplate {
  /** For requests no resource method matched (unknown paths, refused before routing). */
  static final String UNMATCHED = "UNMATCHED";

  /** A parameter's regular expression, as in {@code {name: .+}}. */
  private static final Pattern PARAMETER_REGEX = Pattern.compile("\\{\\s*(\\w+)\\s*:[^}]*}");

  private RouteTemplate() {}

  static String of(ExtendedUriInfo uri) {
    if (uri == null || uri.getMatchedResourceMethod() == null) {
      return UNMATCHED;
    }
    // Jersey lists the matched templates innermost first.
    List<UriTemplate> templates = uri.getMatchedTemplates();
    StringBuilder route = new StringBuilder();
    for (int i = templates.size() - 1; i >= 0; i--) {
      route.append('/').append(templates.get(i).getTemplate());
    }
    String joined = route.toString().replaceAll("/{2,}", "/");
    if (joined.length() > 1 && joined.endsWith("/")) {
      joined = joined.substring(0, joined.length() - 1);
    }
    return PARAMETER_REGEX.matcher(joined).replaceAll("{$1}");
  }
}
