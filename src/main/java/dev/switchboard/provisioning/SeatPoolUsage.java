package dev.switchboard.provisioning;

/**
 * One seat pool at one moment: what {@code /metrics} reports per pool.
 *
 * @param id the pool's id, e.g. {@code contactCenter.standard}
 * @param capacity the seats it has, null = unlimited
 * @param inUse the seats taken
 * @param pending the users waiting for a seat
 */
public record SeatPoolUsage(String id, Long capacity, long inUse, long pending) {}
