/**
 * Durable storage: SQLite (WAL, synchronous=FULL) through Jdbi, numbered Flyway migrations. Knows
 * nothing of HTTP.
 */
package dev.switchboard.store;
