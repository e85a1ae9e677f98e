package dev.switchboard.store;

/** One extension range of a site: numbers from..to, written with {@code digits} digits. */
public record SiteRange(long rangeFrom, long rangeTo, int digits) {}
