package dev.switchboard.http;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import dev.switchboard.provisioning.ConfigChanges;
import dev.switchboard.provisioning.ConfigResourceType;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code GET /admin/config-changes?type=&since=&startIndex=&count=} (admin scope): who changed the
 * configuration, and how, newest first, as a SCIM ListResponse. Read-only.
 */
@Path(AdminApi.PATH + "/config-changes")
public final class ConfigChangesResource {
  private final ConfigChanges changes;

  public ConfigChangesResource(ConfigChanges changes) {
    this.changes = changes;
  }

  @GET
  public Response list(
      @QueryParam("type") String type,
      @QueryParam("since") String since,
      @QueryParam("startIndex") @DefaultValue("1") String startIndex,
      @QueryParam("count") @DefaultValue("100") String count)
      throws BadRequestException {
    Optional<ConfigResourceType> filter =
        type == null || type.isBlank()
            ? Optional.empty()
            : Optional.of(ConfigResourceType.parse(type));
    return ScimResponses.list(
        changes.page(
            filter,
            instant(since),
            OverviewsResource.number("startIndex", startIndex),
            OverviewsResource.number("count", count)));
  }

  private static Instant instant(String since) throws BadRequestException {
    if (since == null || since.isBlank()) {
      return Instant.EPOCH;
    }
    try {
      return Instant.parse(since.trim());
    } catch (DateTimeParseException e) {
      throw BadRequestException.invalidValue(
          "since is an instant such as 2026-11-01T00:00:00Z, not '" + since + "'");
    }
  }
}
