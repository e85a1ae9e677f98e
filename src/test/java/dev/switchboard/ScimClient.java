package dev.switchboard;

import java.util.Map;

/**
 * Speaks SCIM to one running server as its admin: the in-process {@link TestServer}, or a packaged
 * jar started by an integration test. Paths are relative to the SCIM base ({@code /Users/ID}).
 * Implementations are thread-safe: racing clients share one.
 */
public interface ScimClient {
  /**
   * Sends {@code body} (null: none) as {@code application/scim+json} with the admin token and
   * {@code headers} (e.g. {@code If-Match}).
   */
  TestServer.Reply send(String method, String path, String body, Map<String, String> headers);

  default TestServer.Reply send(String method, String path, String body) {
    return send(method, path, body, Map.of());
  }

  default TestServer.Reply get(String path) {
    return send("GET", path, null);
  }

  default TestServer.Reply post(String path, String body) {
    return send("POST", path, body);
  }

  default TestServer.Reply patch(String path, String body) {
    return send("PATCH", path, body);
  }

  default TestServer.Reply put(String path, String body) {
    return send("PUT", path, body);
  }

  /** Creates a user and returns its id. */
  default String createUser(String userName) {
    TestServer.Reply reply =
        post(
            "/Users",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\""
                + userName
                + "\"}");
    if (reply.status() != 201) {
      throw new IllegalStateException("create user failed: " + reply.raw().body());
    }
    return reply.body().get("id").asText();
  }

  /** Creates a group and returns its id. */
  default String createGroup(String displayName) {
    TestServer.Reply reply =
        post(
            "/Groups",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\""
                + displayName
                + "\"}");
    if (reply.status() != 201) {
      throw new IllegalStateException("create group failed: " + reply.raw().body());
    }
    return reply.body().get("id").asText();
  }
}
