package dev.switchboard.http.badinput;

/** The extension and message URNs the generators write (api.md), spelled once. */
final class Urns {
  static final String CONTACT_CENTER =
      "urn:switchboard:params:scim:schemas:extension:contactcenter:1.0:User";
  static final String PHONE = "urn:switchboard:params:scim:schemas:extension:phone:1.0:User";
  static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
  static final String SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

  private Urns() {}
}
