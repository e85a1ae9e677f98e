package dev.switchboard.http;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import dev.switchboard.provisioning.GroupOverview;
import dev.switchboard.provisioning.SeatUsageHistory;
import dev.switchboard.provisioning.SiteUsage;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Summaries the admin console shows and SCIM has no list for (admin scope): {@code GET
 * /admin/groups} (groups with member counts and templates), {@code GET /admin/seat-usage} (seat use
 * over time) and {@code GET /admin/site-usage} (extension ranges used and free).
 */
@Path(AdminApi.PATH)
public final class OverviewsResource {
  private static final Duration DEFAULT_HISTORY = Duration.ofDays(30);
  private final GroupOverview groups;
  private final SeatUsageHistory seatUsage;
  private final SiteUsage siteUsage;

  public OverviewsResource(GroupOverview groups, SeatUsageHistory seatUsage, SiteUsage siteUsage) {
    this.groups = groups;
    this.seatUsage = seatUsage;
    this.siteUsage = siteUsage;
  }

  @GET
  @Path("groups")
  public Response groups(
      @QueryParam("search") String search,
      @QueryParam("startIndex") @DefaultValue("1") String startIndex,
      @QueryParam("count") @DefaultValue("50") String count)
      throws BadRequestException {
    return ScimResponses.json(
        groups.page(search, number("startIndex", startIndex), number("count", count)));
  }

  @GET
  @Path("seat-usage")
  public Response seatUsage(@QueryParam("since") String since) throws BadRequestException {
    Instant from = Instant.now().minus(DEFAULT_HISTORY);
    if (since != null && !since.isBlank()) {
      try {
        from = Instant.parse(since.trim());
      } catch (DateTimeParseException e) {
        throw BadRequestException.invalidValue(
            "since is an instant such as 2026-11-01T00:00:00Z, not '" + since + "'");
      }
    }
    return ScimResponses.json(seatUsage.since(from));
  }

  @GET
  @Path("site-usage")
  public Response siteUsage() {
    return ScimResponses.json(siteUsage.all());
  }

  static int number(String name, String value) throws BadRequestException {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw BadRequestException.invalidValue(name + " is a whole number, not '" + value + "'");
    }
  }
}
