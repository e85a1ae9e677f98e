package dev.switchboard.provisioning;

/** Who sent a request: the token's or OAuth client's name (recorded as the actor) and its scope. */
public record Caller(String tokenName, Scope scope) {
  /** Whoever runs a command on the store itself: they hold the database, so everything. */
  public static final Caller CLI = new Caller("cli", Scope.ADMIN);

  /** The server's start, registering tokens given in the environment. */
  public static final Caller ENVIRONMENT = new Caller("env", Scope.ADMIN);
}
