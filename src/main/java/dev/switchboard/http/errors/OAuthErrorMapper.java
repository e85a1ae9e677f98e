package dev.switchboard.http.errors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.provisioning.OAuthError;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A refused token request → RFC 6749 §5.2's JSON error ({@code error}, {@code error_description}),
 * not stored by caches; {@code invalid_client} is a 401 challenging for HTTP Basic, the client
 * authentication §2.3.1 defines.
 */
public final class OAuthErrorMapper implements ExceptionMapper<OAuthError> {
  @Override
  public Response toResponse(OAuthError error) {
    ObjectNode body = JsonUtils.getJsonNodeFactory().objectNode();
    body.put("error", error.code().wireName());
    body.put("error_description", error.getMessage());
    Response.ResponseBuilder response =
        Response.status(error.code().status())
            .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
            .entity(body.toString())
            .cacheControl(noStore())
            .header("Pragma", "no-cache");
    if (error.code() == OAuthError.Code.INVALID_CLIENT) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"switchboard\"");
    }
    return response.build();
  }

  /** RFC 6749 §5.1: token responses carry {@code Cache-Control: no-store}. */
  public static CacheControl noStore() {
    CacheControl control = new CacheControl();
    control.setNoStore(true);
    control.setNoTransform(false);
    return control;
  }
}
