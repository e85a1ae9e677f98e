/** /Users: create, read, replace, delete, PATCH and the IdP quirks around them. */
package dev.switchboard.conformance.users;
