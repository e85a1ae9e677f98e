package dev.switchboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Real wire JSON, under src/test/resources/fixtures/{rfc,entra,okta,bad}, named once here. */
public final class Fixtures {
  public static final String ENTRA_CREATE_USER = "entra/create-user.json";
  public static final String ENTRA_PATCH_USER = "entra/patch-user-attributes.json";
  public static final String ENTRA_PATCH_MANAGER = "entra/patch-manager.json";
  public static final String ENTRA_CLEAR_MANAGER = "entra/patch-manager-clear.json";
  public static final String ENTRA_PATCH_ROLES = "entra/patch-roles-json-string.json";
  public static final String ENTRA_CREATE_GROUP = "entra/create-group.json";
  public static final String ENTRA_ADD_MEMBERS = "entra/patch-add-members.json";
  public static final String ENTRA_REMOVE_MEMBERS = "entra/patch-remove-members-with-value.json";
  public static final String ENTRA_DISABLE_USER = "entra/patch-disable-user.json";
  public static final String ENTRA_PATCH_REPLACE = "entra/patch-replace-attributes.json";
  public static final String OKTA_CREATE_USER = "okta/create-user.json";
  public static final String OKTA_DEACTIVATE_USER = "okta/patch-deactivate-user.json";
  public static final String OKTA_CREATE_GROUP = "okta/create-group.json";
  public static final String OKTA_ADD_MEMBER = "okta/patch-add-member.json";
  public static final String OKTA_PUT_USER = "okta/put-user.json";
  public static final String OKTA_RENAME_GROUP = "okta/patch-group-rename-with-id.json";
  public static final String OKTA_REPLACE_MEMBERS = "okta/patch-replace-members.json";
  public static final String RFC_REMOVE_MEMBER_FILTER = "rfc/patch-remove-member-filter.json";
  public static final String RFC_REMOVE_ALL_MEMBERS = "rfc/patch-remove-all-members.json";
  public static final String MS_ADD_MEMBER_BARE_STRING = "entra/patch-add-member-bare-string.json";
  public static final String MS_ADD_MEMBER_DISPLAY_NAME = "entra/patch-add-member-displayname.json";
  public static final String MS_POST_USER_STRING_TRUE = "entra/post-user-active-string.json";
  public static final String BAD_UNKNOWN_OP = "bad/patch-unknown-op.json";
  public static final String BAD_ACTIVE_NOT_BOOLEAN = "bad/post-user-active-maybe.json";

  private Fixtures() {}

  /** The fixture's text with each {@code ${name}} replaced by the next pair of arguments. */
  public static String load(String name, String... replacements) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (int i = 0; i + 1 < replacements.length; i += 2) {
        text = text.replace("${" + replacements[i] + "}", replacements[i + 1]);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
