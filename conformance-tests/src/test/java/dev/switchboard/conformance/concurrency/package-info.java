/** Parallel writes: no lost updates, exactly one winner for a contested userName. */
package dev.switchboard.conformance.concurrency;
