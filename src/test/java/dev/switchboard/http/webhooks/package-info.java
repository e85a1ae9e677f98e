/** Webhook delivery through real HTTP: the server, and a real local receiver. */
package dev.switchboard.http.webhooks;
