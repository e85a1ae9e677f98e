package dev.switchboard.provisioning;

import java.util.Locale;

/**
 * A token request refused as RFC 6749 §5.2 says: an error code and a description a person can act
 * on. Descriptions never carry what the client sent as its secret.
 */
public final class OAuthError extends Exception {
  /** The §5.2 error codes this server answers with, and their HTTP status. */
  public enum Code {
    INVALID_REQUEST(400),
    INVALID_CLIENT(401),
    UNSUPPORTED_GRANT_TYPE(400),
    INVALID_SCOPE(400);

    private final int status;

    Code(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Code code;

  public OAuthError(Code code, String description) {
    super(description, null, false, false);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
