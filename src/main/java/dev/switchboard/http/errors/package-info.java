/** Every failure becomes an RFC 7644 §3.12 error here, and only here. */
package dev.switchboard.http.errors;
