package dev.switchboard.http;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import dev.switchboard.provisioning.EventStream;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /admin/events?since=ID&count=N} (admin scope): the webhook payloads after event {@code
 * since}, oldest first, as a SCIM ListResponse; a consumer that was down pages on with the last id
 * it got. Read-only.
 */
@Path(AdminApi.PATH + "/events")
public final class EventsResource {
  private final EventStream events;

  public EventsResource(EventStream events) {
    this.events = events;
  }

  @GET
  public Response replay(
      @QueryParam("since") @DefaultValue("0") String since,
      @QueryParam("count") @DefaultValue("100") String count)
      throws BadRequestException {
    return ScimResponses.list(
        events.after(eventId(since), OverviewsResource.number("count", count)));
  }

  private static long eventId(String since) throws BadRequestException {
    try {
      return Long.parseLong(since.trim());
    } catch (NumberFormatException e) {
      throw BadRequestException.invalidValue(
          "since is an event id (a whole number; 0 = from the start), not '" + since + "'");
    }
  }
}
