package dev.switchboard.licensing;

import java.util.Objects;
import java.util.Optional;

/**
 * What to do with one user's contact-center seat, given the seat they hold and the tier they now
 * need (licensing.md "Seats" and "Lifecycle"). The plan is decided here, in pure code; the database
 * caller only executes it:
 *
 * <ol>
 *   <li>If {@code take} is present, try to take a seat in that pool (never over its capacity).
 *   <li>If a seat was taken, release {@code releaseIfTaken} and set {@code stateIfTaken}; otherwise
 *       — no free seat, or {@code take} empty — release {@code releaseIfNotTaken} and set {@code
 *       stateIfNotTaken}. {@link #release(boolean)} and {@link #state(boolean)} do this choice.
 * </ol>
 *
 * <p>When {@code take} is empty there is only one outcome, and both pairs of fields hold it (the
 * constructor insists), so a caller reading either pair does the right thing. Immutable and
 * thread-safe.
 *
 * @param take the pool to take a seat from, if a new seat is needed
 * @param releaseIfTaken the seat to give back once the new seat is taken
 * @param releaseIfNotTaken the seat to give back when no seat was taken
 * @param stateIfTaken the user's {@code licenseState} once the new seat is taken
 * @param stateIfNotTaken the user's {@code licenseState} when no seat was taken
 */
public record SeatPlan(
    Optional<SeatPoolId> take,
    Optional<SeatPoolId> releaseIfTaken,
    Optional<SeatPoolId> releaseIfNotTaken,
    LicenseState stateIfTaken,
    LicenseState stateIfNotTaken) {

  public SeatPlan {
    Objects.requireNonNull(take, "take");
    Objects.requireNonNull(releaseIfTaken, "releaseIfTaken");
    Objects.requireNonNull(releaseIfNotTaken, "releaseIfNotTaken");
    Objects.requireNonNull(stateIfTaken, "stateIfTaken");
    Objects.requireNonNull(stateIfNotTaken, "stateIfNotTaken");
    if (take.isEmpty()
        && (!releaseIfTaken.equals(releaseIfNotTaken) || stateIfTaken != stateIfNotTaken)) {
      throw new IllegalArgumentException("a plan that takes no seat has only one outcome");
    }
  }

  /**
   * The plan for a user who holds {@code held} (empty = no seat), now resolves to {@code wanted}
   * and is {@code active} or not:
   *
   * <ul>
   *   <li>wanted {@code NONE}: release any held seat; state {@code NONE} (also when inactive).
   *   <li>inactive: release any held seat at once (seats cost money); state {@code SUSPENDED}.
   *   <li>the held seat is already in the wanted tier's pool: keep it; state {@code ASSIGNED}.
   *   <li>otherwise take a seat in the wanted pool. Taken: release the held seat, {@code ASSIGNED}.
   *       Not taken: {@code PENDING}; an upgrade keeps the lower seat it holds while pending, a
   *       downgrade releases the higher seat at once.
   * </ul>
   *
   * @throws IllegalArgumentException if {@code held} is not a contact-center pool
   */
  public static SeatPlan plan(Optional<SeatPoolId> held, Tier wanted, boolean active) {
    Objects.requireNonNull(wanted, "wanted");
    Tier heldTier = held.map(SeatPlan::contactCenterTier).orElse(Tier.NONE);
    if (wanted == Tier.NONE) {
      return only(held, LicenseState.NONE);
    }
    if (!active) {
      return only(held, LicenseState.SUSPENDED);
    }
    if (heldTier == wanted) {
      return only(Optional.empty(), LicenseState.ASSIGNED);
    }
    boolean downgrade = heldTier.compareTo(wanted) > 0;
    return new SeatPlan(
        SeatPoolId.forTier(wanted),
        held,
        downgrade ? held : Optional.empty(),
        LicenseState.ASSIGNED,
        LicenseState.PENDING);
  }

  /** A plan that takes no seat: release {@code release} and set {@code state}. */
  public static SeatPlan only(Optional<SeatPoolId> release, LicenseState state) {
    return new SeatPlan(Optional.empty(), release, release, state, state);
  }

  /** The seat to release, given whether the seat in {@link #take()} was taken. */
  public Optional<SeatPoolId> release(boolean seatTaken) {
    return seatTaken ? releaseIfTaken : releaseIfNotTaken;
  }

  /** The user's {@code licenseState}, given whether the seat in {@link #take()} was taken. */
  public LicenseState state(boolean seatTaken) {
    return seatTaken ? stateIfTaken : stateIfNotTaken;
  }

  private static Tier contactCenterTier(SeatPoolId pool) {
    return pool.tier()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    pool.wireName() + " is not a contact-center seat pool"));
  }
}
