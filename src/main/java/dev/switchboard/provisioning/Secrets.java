package dev.switchboard.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets Switchboard makes (API tokens, OAuth client secrets, signing keys): 256 random bits, kept
 * only as SHA-256. A slow password hash (bcrypt, Argon2) exists to make guessing a low-entropy
 * password expensive; a 256-bit random secret cannot be guessed however fast the hash, and these
 * are checked on every request, so SHA-256 is the right cost. Thread-safe.
 */
final class Secrets {
  private static final SecureRandom random = new SecureRandom();
  private static final int BYTES = 32;

  private Secrets() {}

  /** A new secret: {@code prefix} and 256 random bits, base64url. */
  static String generate(String prefix) {
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
  }

  /** 256 random bits. */
  static byte[] randomBytes() {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return bytes;
  }

  /** The hex SHA-256 of {@code secret}, as stored. */
  static String hash(String secret) {
    return HexFormat.of().formatHex(digest(secret));
  }

  /** Whether {@code secret} hashes to {@code storedHash}, compared in constant time. */
  static boolean matches(String secret, String storedHash) {
    return MessageDigest.isEqual(
        digest(secret), HexFormat.of().parseHex(storedHash.toLowerCase(java.util.Locale.ROOT)));
  }

  private static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
