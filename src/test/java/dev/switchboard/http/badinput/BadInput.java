package dev.switchboard.http.badinput;

/**
 * The run settings every bad-input property shares: a fixed seed, so CI sees the same inputs every
 * time (change it to explore further), and the tries. Properties run with shrinking off: once a try
 * has changed the store every later try fails too, so the first failing sample is the one to read.
 */
final class BadInput {
  static final String SEED = "20260525";
  static final int TRIES_PER_PROPERTY = 1500;

  private BadInput() {}
}
