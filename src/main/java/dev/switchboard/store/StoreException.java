package dev.switchboard.store;

/** The store could not do what was asked for a reason that is not the client's. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
