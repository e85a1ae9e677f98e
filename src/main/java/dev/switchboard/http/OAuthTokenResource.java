package dev.switchboard.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.http.errors.OAuthErrorMapper;
import dev.switchboard.provisioning.ClientCredentialsGrant;
import dev.switchboard.provisioning.IssuedToken;
import dev.switchboard.provisioning.OAuthError;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /oauth/token}: the OAuth 2.0 token endpoint for the client credentials grant (RFC
 * 6749 §4.4). Open to callers without a bearer token: the client authenticates with its secret. Any
 * Content-Type is taken here so that a wrong one gets §5.2's {@code invalid_request}, not a SCIM
 * 415.
 */
@Path("oauth/token")
public final class OAuthTokenResource {
  private final ClientCredentialsGrant grant;

  public OAuthTokenResource(ClientCredentialsGrant grant) {
    this.grant = grant;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response token(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      String body)
      throws OAuthError {
    IssuedToken token = grant.grant(TokenRequestForm.read(contentType, authorization, body));
    ObjectNode answer = JsonUtils.getJsonNodeFactory().objectNode();
    answer.put("access_token", token.value());
    answer.put("token_type", "Bearer");
    answer.put("expires_in", token.expiresIn());
    answer.put("scope", token.scope().wireName());
    return Response.ok(
            JsonBodies.text(answer), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .cacheControl(OAuthErrorMapper.noStore())
        .header("Pragma", "no-cache")
        .build();
  }
}
