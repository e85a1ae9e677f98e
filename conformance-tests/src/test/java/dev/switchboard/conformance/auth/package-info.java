/** Authentication: bearer tokens, Okta's raw token, the unauthenticated health check. */
package dev.switchboard.conformance.auth;
