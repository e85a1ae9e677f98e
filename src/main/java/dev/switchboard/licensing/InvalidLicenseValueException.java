package dev.switchboard.licensing;

/**
 * A licensing value (tier, role, state) outside its closed vocabulary. The message says what was
 * given and what is allowed, so a person can act on it; the HTTP layer maps it to a SCIM 400 {@code
 * invalidValue}. Immutable, so safe to share between threads.
 */
public final class InvalidLicenseValueException extends RuntimeException {
  public InvalidLicenseValueException(String message) {
    super(message);
  }
}
