package dev.switchboard.http;

import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits in front of Jersey so that nothing reaches the client as Grizzly's HTML error page: raw
 * query bytes are escaped ({@link RawQueryEscaper}), and a request Jersey cannot even turn into a
 * URI (a malformed Host header) gets a SCIM 400.
 */
final class ScimSafeHttpHandler extends HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(ScimSafeHttpHandler.class);
  private final GrizzlyHttpContainer jersey;

  ScimSafeHttpHandler(GrizzlyHttpContainer jersey) {
    this.jersey = jersey;
  }

  @Override
  public void service(Request request, Response response) throws Exception {
    String query = request.getQueryString();
    if (query != null) {
      String escaped = RawQueryEscaper.escape(query);
      if (!escaped.equals(query)) {
        request.setQueryString(escaped);
      }
    }
    try {
      jersey.service(request, response);
    } catch (Exception e) {
      if (response.isCommitted()) {
        throw e;
      }
      log.info("refused a request Jersey could not read: {}", e.toString());
      GrizzlyErrors.write(
          response,
          400,
          "The request line or Host header is malformed; check the URL you are calling");
    }
  }

  @Override
  public void start() {
    jersey.start();
  }

  @Override
  public void destroy() {
    jersey.destroy();
  }
}
