package dev.switchboard.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * SCIM errors written straight to Grizzly, for the failures that happen before or outside Jersey;
 * also Grizzly's error page generator, so even its own error pages are SCIM JSON.
 */
final class GrizzlyErrors implements ErrorPageGenerator {
  static void write(Response response, int status, String detail) throws IOException {
    byte[] body = json(status, detail).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(ScimMediaType.SCIM_JSON);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  @Override
  public String generate(
      Request request, int status, String reasonPhrase, String description, Throwable exception) {
    request.getResponse().setContentType(ScimMediaType.SCIM_JSON);
    return json(
        status,
        status >= 500
            ? "The server could not handle the request"
            : "The request could not be read: "
                + (reasonPhrase == null ? "bad request" : reasonPhrase));
  }

  static String json(int status, String detail) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\""
        + status
        + "\",\"detail\":\""
        + detail.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\"}";
  }
}
