package dev.switchboard.http;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import dev.switchboard.provisioning.MailOutbox;
import dev.switchboard.provisioning.MailState;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code GET /admin/mail?state=pending|delivered|failed|cancelled&startIndex=&count=} (admin
 * scope): the welcome emails, newest first, with recipient, delivery state, attempts and last
 * error, as a SCIM ListResponse. Read-only.
 */
@Path(AdminApi.PATH + "/mail")
public final class MailResource {
  private final MailOutbox outbox;

  public MailResource(MailOutbox outbox) {
    this.outbox = outbox;
  }

  @GET
  public Response list(
      @QueryParam("state") String state,
      @QueryParam("startIndex") @DefaultValue("1") String startIndex,
      @QueryParam("count") @DefaultValue("100") String count)
      throws BadRequestException {
    Optional<MailState> filter =
        state == null || state.isBlank() ? Optional.empty() : Optional.of(MailState.parse(state));
    return ScimResponses.list(
        outbox.page(
            filter,
            OverviewsResource.number("startIndex", startIndex),
            OverviewsResource.number("count", count)));
  }
}
