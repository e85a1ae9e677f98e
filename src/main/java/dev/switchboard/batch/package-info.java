/**
 * The CSV format of user imports and exports: columns and their aliases, reading a row into the
 * direct values it sets, and how {@code add} and {@code sync} mode apply those values to a user.
 * Knows no store and no HTTP.
 */
package dev.switchboard.batch;
