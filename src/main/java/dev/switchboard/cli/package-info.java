/** The command line: serve (the default) and token management. */
package dev.switchboard.cli;
