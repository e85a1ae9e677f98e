/** Generated bad input against the real server: never a 5xx, never a change to the store. */
package dev.switchboard.http.badinput;
