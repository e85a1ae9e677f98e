/**
 * Real identity-provider traffic that bends RFC 7643/7644, one class per quirk, each with the wire
 * JSON it accepts in its Javadoc and a test fed exactly that JSON.
 */
package dev.switchboard.scim.quirks;
