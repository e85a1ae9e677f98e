/** The HTTP surface: Grizzly + Jersey wiring, thin resources, request filters. */
package dev.switchboard.http;
