package dev.switchboard.http;

import dev.switchboard.provisioning.Caller;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The authenticated token as JAX-RS sees it; resources read the {@link Caller} from it. */
final class CallerSecurityContext implements SecurityContext {
  private final Caller caller;
  private final boolean secure;

  CallerSecurityContext(Caller caller, boolean secure) {
    this.caller = caller;
    this.secure = secure;
  }

  /** The principal: the token's name. */
  record TokenPrincipal(Caller caller) implements Principal {
    @Override
    public String getName() {
      return caller.tokenName();
    }
  }

  static Caller callerOf(SecurityContext context) {
    return ((TokenPrincipal) context.getUserPrincipal()).caller();
  }

  @Override
  public Principal getUserPrincipal() {
    return new TokenPrincipal(caller);
  }

  @Override
  public boolean isUserInRole(String role) {
    return caller.scope().wireName().equals(role);
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return "Bearer";
  }
}
