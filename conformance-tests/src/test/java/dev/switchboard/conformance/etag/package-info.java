/** ETags: meta.version, If-None-Match and If-Match (RFC 7644 §3.14). */
package dev.switchboard.conformance.etag;
