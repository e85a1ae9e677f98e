package dev.switchboard.http;

import dev.switchboard.provisioning.OAuthError;
import dev.switchboard.provisioning.OAuthError.Code;
import dev.switchboard.provisioning.TokenRequest;
import jakarta.ws.rs.core.MediaType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a token request off the wire (RFC 6749 §4.4.2): an {@code
 * application/x-www-form-urlencoded} body, the client authenticated by HTTP Basic with the
 * form-encoded id and secret (§2.3.1) or by {@code client_id} and {@code client_secret} fields,
 * never both (§2.3). Errors never quote what was sent, which may be a secret. Stateless.
 */
final class TokenRequestForm {
  private static final MediaType FORM = MediaType.APPLICATION_FORM_URLENCODED_TYPE;

  private TokenRequestForm() {}

  static TokenRequest read(String contentType, String authorization, String body)
      throws OAuthError {
    if (contentType == null || !FORM.isCompatible(mediaType(contentType))) {
      throw new OAuthError(
          Code.INVALID_REQUEST, "send the token request as application/x-www-form-urlencoded");
    }
    Map<String, String> form = fields(body);
    String clientId = form.get("client_id");
    String clientSecret = form.get("client_secret");
    if (authorization != null && !authorization.isBlank()) {
      String[] basic = basic(authorization);
      if (clientSecret != null || clientId != null && !clientId.equals(basic[0])) {
        throw new OAuthError(
            Code.INVALID_REQUEST,
            "authenticate the client one way: HTTP Basic or client_id and client_secret");
      }
      clientId = basic[0];
      clientSecret = basic[1];
    }
    return new TokenRequest(form.get("grant_type"), clientId, clientSecret, form.get("scope"));
  }

  private static MediaType mediaType(String contentType) throws OAuthError {
    try {
      return MediaType.valueOf(contentType);
    } catch (IllegalArgumentException e) {
      throw new OAuthError(Code.INVALID_REQUEST, "the Content-Type header is malformed");
    }
  }

  /** §3.2: a parameter without a value counts as absent; none may appear twice. */
  private static Map<String, String> fields(String body) throws OAuthError {
    Map<String, String> fields = new HashMap<>();
    if (body == null || body.isBlank()) {
      return fields;
    }
    for (String pair : body.strip().split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (fields.containsKey(name)) {
        throw new OAuthError(Code.INVALID_REQUEST, "parameter " + safe(name) + " is sent twice");
      }
      fields.put(name, value);
    }
    fields.values().removeIf(String::isEmpty);
    return fields;
  }

  /** §2.3.1: {@code Basic base64(urlencode(id) ":" urlencode(secret))}. */
  private static String[] basic(String authorization) throws OAuthError {
    String value = authorization.trim();
    if (!value.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw new OAuthError(
          Code.INVALID_CLIENT,
          "authenticate the client with HTTP Basic or client_id and client_secret");
    }
    String decoded;
    try {
      decoded =
          new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new OAuthError(Code.INVALID_REQUEST, "the Basic credentials are not base64");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw new OAuthError(
          Code.INVALID_REQUEST, "the Basic credentials need the form client_id:client_secret");
    }
    return new String[] {decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1))};
  }

  private static String decode(String text) throws OAuthError {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new OAuthError(Code.INVALID_REQUEST, "the form has a malformed %-escape");
    }
  }

  /** A parameter name to show back: only the names a client should send. */
  private static String safe(String name) {
    return name.matches("[a-z_]{1,20}") ? name : "(a parameter)";
  }
}
