package dev.switchboard.http;

import java.time.Duration;

/**
 * One answered request as metrics and the access log see it: never its raw path, query or token.
 *
 * @param method the HTTP method
 * @param route the matched route template, e.g. {@code /scim/v2/Users/{id}}, or {@link
 *     RouteTemplate#UNMATCHED}
 * @param status the status code sent
 * @param duration from the request reaching Jersey to its response written
 * @param tokenName the name of the token that authenticated it, {@code -} when none did
 */
record FinishedRequest(
    String method, String route, int status, Duration duration, String tokenName) {}
