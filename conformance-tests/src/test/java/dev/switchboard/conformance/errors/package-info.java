/** Error responses and routing leniency: every 4xx is a SCIM error with application/scim+json. */
package dev.switchboard.conformance.errors;
