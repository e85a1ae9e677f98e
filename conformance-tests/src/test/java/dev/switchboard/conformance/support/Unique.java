package dev.switchboard.conformance.support;

import java.security.SecureRandom;

/** Fresh names, so that tests never depend on an empty server or on each other. Thread-safe. */
public final class Unique {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
  private static final String ALPHANUMERIC = LETTERS + "0123456789";

  private Unique() {}

  /**
   * A new lowercase tag of 10 characters that starts with a letter, e.g. {@code "k3x9q0m2ab"}: safe
   * in URLs, in JSON, and as an unquoted filter value.
   */
  public static String tag() {
    StringBuilder tag =
        new StringBuilder().append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
    for (int i = 1; i < 10; i++) {
      tag.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
    }
    return tag.toString();
  }

  /** A userName no other test uses, e.g. {@code "alice-k3x9q0m2ab"}. */
  public static String userName(String who) {
    return who + "-" + tag();
  }

  /** A group displayName no other test uses, e.g. {@code "Sales k3x9q0m2ab"}. */
  public static String groupName(String what) {
    return what + " " + tag();
  }
}
