/**
 * Shared plumbing of the conformance suite: the server under test, an HTTP client, JSON and
 * assertion helpers.
 */
package dev.switchboard.conformance.support;
