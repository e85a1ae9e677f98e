/** Parallel clients racing on one resource; each test ends with the invariant checker. */
package dev.switchboard.concurrency;
