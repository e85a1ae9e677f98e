package dev.switchboard.http.badinput;

import dev.switchboard.TestServer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Requests with odd headers. Writes that would succeed get one header that must stop them (a token
 * that is not ours, a media type that is not JSON, an {@code If-Match} that matches no version);
 * bad writes and reads get odd headers that must not break anything (Accept, JSON media types with
 * odd parameters, {@code If-None-Match} garbage, unknown headers). Stateless.
 */
final class OddHeaders {
  private OddHeaders() {}

  /** A write that would succeed, with a header that must make it fail. */
  static Arbitrary<Probe> stoppedWrites(SeededServer.Ids ids) {
    Arbitrary<Probe> valid = validWrites(ids);
    Arbitrary<Probe> withBadToken =
        Combinators.combine(valid, badAuthorization()).as((p, v) -> p.with("Authorization", v));
    Arbitrary<Probe> withWrongType =
        Combinators.combine(valid.filter(p -> p.body() != null), refusedContentTypes())
            .as((p, v) -> p.with("Content-Type", v));
    Arbitrary<Probe> withStaleVersion =
        Combinators.combine(valid.filter(p -> !p.method().equals("POST")), staleIfMatch())
            .as((p, v) -> p.with("If-Match", v));
    return Combinators.combine(
            Arbitraries.oneOf(withBadToken, withWrongType, withStaleVersion),
            oddHeaders().list().ofMaxSize(3))
        .as(OddHeaders::withAll);
  }

  /** A write the server refuses anyway, or a read, with odd headers that must not break it. */
  static Arbitrary<Probe> oddRequests(SeededServer.Ids ids) {
    Arbitrary<Probe> badWrites =
        Combinators.combine(ResourceBodies.writes(ids), oddJsonContentTypes())
            .as((p, v) -> p.with("Content-Type", v));
    Arbitrary<Probe> reads =
        Arbitraries.of(
            Probe.of("GET", "/Users/" + ids.alice(), null),
            Probe.of("GET", "/Groups?filter=displayName%20eq%20%22Sales%22", null),
            Probe.of("GET", "/ServiceProviderConfig", null),
            Probe.of("GET", "/Schemas", null));
    return Combinators.combine(
            Arbitraries.frequencyOf(Tuple.of(1, badWrites), Tuple.of(1, reads)),
            oddHeaders().list().ofMinSize(1).ofMaxSize(4))
        .as(OddHeaders::withAll);
  }

  private static Probe withAll(Probe probe, List<Map.Entry<String, String>> headers) {
    Probe result = probe;
    for (Map.Entry<String, String> header : headers) {
      result = result.with(header.getKey(), header.getValue());
    }
    return result;
  }

  private static Arbitrary<Probe> validWrites(SeededServer.Ids ids) {
    return Arbitraries.of(
        Probe.of("POST", "/Users", "{\"userName\":\"zz-header-user\"}"),
        Probe.of(
            "PUT",
            "/Users/" + ids.alice(),
            "{\"userName\":\"" + SeededServer.ALICE + "\",\"title\":\"t\"}"),
        Probe.of(
            "PATCH",
            "/Groups/" + ids.sales(),
            "{\"schemas\":[\""
                + Urns.PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"S\"}]}"),
        Probe.of("DELETE", "/Users/" + ids.bob(), null),
        Probe.of("PUT", "/SeatPools/contactCenter.premium", "{\"capacity\":3}"));
  }

  /** Never our token, bare (Okta's way, accepted) or after "Bearer ". */
  private static Arbitrary<String> badAuthorization() {
    String token = TestServer.ADMIN_TOKEN;
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            "Bearer",
            "Bearer ",
            "Basic dGVzdDp0ZXN0",
            "Bearer " + token + "x",
            "Bearer x" + token,
            "Token " + token,
            // Over the 64 KiB head limit the server answers and closes while the client still
            // sends its body, which the client sees as a broken pipe: LimitsTest covers that.
            "Bearer " + token.toUpperCase(Locale.ROOT),
            "Bearer " + "a".repeat(60_000)),
        printable().map(text -> "Bearer " + text),
        printable());
  }

  private static Arbitrary<String> refusedContentTypes() {
    return Arbitraries.of(
        "text/plain",
        "application/xml",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=zz",
        "text/html; charset=utf-8",
        "application/jsonx",
        "image/png",
        "application/scim+xml",
        "garbage",
        "a/b/c",
        ";;",
        "/",
        "text/json");
  }

  /** JSON media types spelled oddly; sent with bodies the server refuses anyway. */
  private static Arbitrary<String> oddJsonContentTypes() {
    return Arbitraries.of(
        "application/scim+json; charset=utf-16",
        "application/json; charset=bogus",
        "application/json; charset=",
        "APPLICATION/SCIM+JSON",
        "application/scim+json;;;",
        "application/json; q=0",
        "application/scim+json; charset=\"utf-8\"; zz=1",
        "application/json, text/plain");
  }

  /** Never {@code *} nor a version the seeded resources have. */
  private static Arbitrary<String> staleIfMatch() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "\"nope\"", "W/\"999\"", "garbage", "\"\"", ",,", "W/", "W/\"\"", "\"1", "W/\"1\"x"),
        Arbitraries.integers().between(900, Integer.MAX_VALUE).map(n -> "W/\"" + n + "\""),
        printable()
            .filter(text -> !text.contains("*"))
            .map(text -> "\"zz" + text.replace("\"", "") + "\""));
  }

  private static Arbitrary<Map.Entry<String, String>> oddHeaders() {
    return Arbitraries.oneOf(
        Arbitraries.oneOf(
                Arbitraries.of(
                    "text/html",
                    "application/xml",
                    "*/*;q=0",
                    "application/scim+json;q=abc",
                    "garbage",
                    "",
                    "*/*",
                    "application/*, text/*;q=0.1"),
                printable())
            .map(value -> Map.entry("Accept", value)),
        Arbitraries.oneOf(Arbitraries.of("*", "W/\"1\"", "garbage", ""), printable())
            .map(value -> Map.entry("If-None-Match", value)),
        Arbitraries.of("gzip", "zz", "").map(value -> Map.entry("Accept-Encoding", value)),
        Arbitraries.of("zz", "utf-16", "").map(value -> Map.entry("Accept-Charset", value)),
        printable().map(value -> Map.entry("X-Zz-Unknown", value)),
        Arbitraries.of("DELETE", "PUT").map(value -> Map.entry("X-HTTP-Method-Override", value)));
  }

  /** Header-safe text: visible ASCII and space. */
  private static Arbitrary<String> printable() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .ofMinLength(1)
        .ofMaxLength(60)
        .map(String::trim);
  }
}
