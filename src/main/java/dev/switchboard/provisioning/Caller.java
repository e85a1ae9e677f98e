package dev.switchboard.provisioning;

/** Who sent a request: the token's name (recorded as the actor) and its scope. */
public record Caller(String tokenName, Scope scope) {}
