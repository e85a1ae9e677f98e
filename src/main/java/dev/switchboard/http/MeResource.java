package dev.switchboard.http;

import com.unboundid.scim2.common.exceptions.NotImplementedException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/** {@code /Me}: tokens here belong to IdPs and admins, not users (RFC 7644 §3.11 allows 501). */
@Path(ScimBase.PATH + "/Me")
public final class MeResource {
  @GET
  public void get() throws NotImplementedException {
    throw notImplemented();
  }

  @POST
  public void post() throws NotImplementedException {
    throw notImplemented();
  }

  @PUT
  public void put() throws NotImplementedException {
    throw notImplemented();
  }

  @PATCH
  public void patch() throws NotImplementedException {
    throw notImplemented();
  }

  @DELETE
  public void delete() throws NotImplementedException {
    throw notImplemented();
  }

  private static NotImplementedException notImplemented() {
    return new NotImplementedException(
        "/Me is not supported: Switchboard's tokens belong to IdPs and admins, not to users");
  }
}
