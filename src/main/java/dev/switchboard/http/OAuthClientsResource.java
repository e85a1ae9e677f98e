package dev.switchboard.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.switchboard.provisioning.ListResult;
import dev.switchboard.provisioning.OAuthClientService;
import dev.switchboard.provisioning.OAuthClientService.NewClient;
import dev.switchboard.provisioning.OAuthClientService.NewSecret;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * {@code /admin/oauth-clients} (admin scope): OAuth clients for {@code POST /oauth/token}. {@code
 * POST} creates one ({@code {"name", "scope"}}) and answers its first secret, once; {@code GET}
 * lists them without secrets; {@code POST {id}/secrets} adds a secret (two at most), {@code DELETE
 * {id}/secrets/{secretId}} revokes one, {@code DELETE {id}} deletes the client.
 */
@Path(AdminApi.PATH + "/oauth-clients")
public final class OAuthClientsResource {
  static final String SCHEMA = "urn:switchboard:params:scim:schemas:core:1.0:OAuthClient";
  private final OAuthClientService clients;

  @Context private UriInfo uri;

  @Context private SecurityContext security;

  public OAuthClientsResource(OAuthClientService clients) {
    this.clients = clients;
  }

  @POST
  public Response create(String body) throws ScimException {
    ObjectNode input = JsonBodies.object(body);
    NewClient created =
        clients.create(
            input.path("name").asText(null),
            input.path("scope").asText(null),
            CallerSecurityContext.callerOf(security));
    ObjectNode answer = shown(OAuthClientService.json(created.client()));
    answer.put("clientSecret", created.secret().secret());
    return created(answer, created.client().id());
  }

  @GET
  public Response list() {
    List<ObjectNode> all =
        clients.list().stream().map(client -> shown(OAuthClientService.json(client))).toList();
    return ScimResponses.list(new ListResult(all.size(), 1, all));
  }

  @GET
  @Path("{id}")
  public Response get(@PathParam("id") String id) throws ScimException {
    return ScimResponses.json(shown(OAuthClientService.json(clients.get(id))));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) throws ScimException {
    clients.delete(id, CallerSecurityContext.callerOf(security));
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/secrets")
  public Response addSecret(@PathParam("id") String id) throws ScimException {
    NewSecret secret = clients.addSecret(id, CallerSecurityContext.callerOf(security));
    ObjectNode answer = JsonUtils.getJsonNodeFactory().objectNode();
    answer.put("id", secret.secretId());
    answer.put("clientId", secret.clientId());
    answer.put("created", Instant.ofEpochMilli(secret.created()).toString());
    answer.put("clientSecret", secret.secret());
    return Response.fromResponse(ScimResponses.json(answer)).status(201).build();
  }

  @DELETE
  @Path("{id}/secrets/{secretId}")
  public Response revokeSecret(@PathParam("id") String id, @PathParam("secretId") String secretId)
      throws ScimException {
    clients.revokeSecret(id, secretId, CallerSecurityContext.callerOf(security));
    return Response.noContent().build();
  }

  private static ObjectNode shown(ObjectNode client) {
    ObjectNode shown = JsonUtils.getJsonNodeFactory().objectNode();
    shown.putArray("schemas").add(SCHEMA);
    shown.setAll(client);
    return shown;
  }

  private Response created(ObjectNode body, String id) {
    URI location =
        uri.getBaseUriBuilder().path(AdminApi.PATH).path("oauth-clients").path(id).build();
    return Response.fromResponse(ScimResponses.json(body)).status(201).location(location).build();
  }
}
