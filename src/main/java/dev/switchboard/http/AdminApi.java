package dev.switchboard.http;

/**
 * The admin API outside the SCIM base ({@code /admin/imports}, {@code /admin/exports}, {@code
 * /admin/oauth-clients}, {@code /admin/config-changes}, the console's reads): every path under
 * {@code /admin/} needs the admin scope ({@link TokenAuthFilter}).
 */
final class AdminApi {
  static final String PATH = "admin";

  private AdminApi() {}

  /** True for a path (without the leading slash) under {@code /admin/}, in any case. */
  static boolean covers(String path) {
    return path.regionMatches(true, 0, PATH + "/", 0, PATH.length() + 1)
        || path.equalsIgnoreCase(PATH);
  }
}
