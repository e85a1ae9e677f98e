/**
 * Email: the welcome templates (defaults in the jar, overridable by files) and sending over SMTP
 * with Jakarta Mail (Eclipse Angus). Knows no store, no SCIM and no HTTP.
 */
package dev.switchboard.mail;
