package dev.switchboard.http;

import dev.switchboard.provisioning.WebhookService;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/Webhooks} (admin scope). */
@Path(ScimBase.PATH + "/Webhooks")
public final class WebhooksResource extends ResourceEndpoint {
  public WebhooksResource(WebhookService service) {
    super(service);
  }
}
