package dev.switchboard.conformance.support;

/** The schema and message URNs the suite speaks (RFC 7643, RFC 7644, and Switchboard's api.md). */
public final class Urns {

  public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  public static final String ENTERPRISE_USER =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  public static final String SERVICE_PROVIDER_CONFIG =
      "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
  public static final String RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
  public static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

  public static final String CONTACT_CENTER_USER =
      "urn:switchboard:params:scim:schemas:extension:contactcenter:1.0:User";
  public static final String PHONE_USER =
      "urn:switchboard:params:scim:schemas:extension:phone:1.0:User";
  public static final String LICENSING_GROUP =
      "urn:switchboard:params:scim:schemas:extension:licensing:1.0:Group";

  public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  public static final String SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
  public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

  /** Entra ID adds this to the schemas of every group it creates. */
  public static final String ENTRA_AD_GROUP =
      "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";

  private Urns() {}
}
