package dev.switchboard.licensing;

import static dev.switchboard.licensing.LicenseState.ASSIGNED;
import static dev.switchboard.licensing.LicenseState.PENDING;
import static dev.switchboard.licensing.LicenseState.SUSPENDED;
import static dev.switchboard.licensing.SeatPoolId.CONTACT_CENTER_PREMIUM;
import static dev.switchboard.licensing.SeatPoolId.CONTACT_CENTER_STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seat decision of licensing.md "Seats" and "Lifecycle", for every held × wanted × active. */
class SeatPlanTest {
  private static final Optional<SeatPoolId> NO_SEAT = Optional.empty();
  private static final Optional<SeatPoolId> STANDARD_SEAT = Optional.of(CONTACT_CENTER_STANDARD);
  private static final Optional<SeatPoolId> PREMIUM_SEAT = Optional.of(CONTACT_CENTER_PREMIUM);

  /** Seats are named by tier; "-" is no seat. */
  @ParameterizedTest(name = "held {0}, wanted {1}, active {2}")
  @CsvSource(
      useHeadersInDisplayName = false,
      textBlock =
          """
          # held,    wanted,   active, take,     ifTaken,  ifNotTaken, stateIfTaken, stateIfNot
          -,         NONE,     true,   -,        -,        -,          NONE,         NONE
          -,         NONE,     false,  -,        -,        -,          NONE,         NONE
          standard,  NONE,     true,   -,        standard, standard,   NONE,         NONE
          standard,  NONE,     false,  -,        standard, standard,   NONE,         NONE
          premium,   NONE,     true,   -,        premium,  premium,    NONE,         NONE
          premium,   NONE,     false,  -,        premium,  premium,    NONE,         NONE
          -,         STANDARD, false,  -,        -,        -,          SUSPENDED,    SUSPENDED
          standard,  STANDARD, false,  -,        standard, standard,   SUSPENDED,    SUSPENDED
          premium,   STANDARD, false,  -,        premium,  premium,    SUSPENDED,    SUSPENDED
          -,         PREMIUM,  false,  -,        -,        -,          SUSPENDED,    SUSPENDED
          standard,  PREMIUM,  false,  -,        standard, standard,   SUSPENDED,    SUSPENDED
          premium,   PREMIUM,  false,  -,        premium,  premium,    SUSPENDED,    SUSPENDED
          -,         STANDARD, true,   standard, -,        -,          ASSIGNED,     PENDING
          -,         PREMIUM,  true,   premium,  -,        -,          ASSIGNED,     PENDING
          standard,  STANDARD, true,   -,        -,        -,          ASSIGNED,     ASSIGNED
          premium,   PREMIUM,  true,   -,        -,        -,          ASSIGNED,     ASSIGNED
          standard,  PREMIUM,  true,   premium,  standard, -,          ASSIGNED,     PENDING
          premium,   STANDARD, true,   standard, premium,  premium,    ASSIGNED,     PENDING
          """)
  void planForEveryHeldWantedAndActiveCombination(
      String held,
      Tier wanted,
      boolean active,
      String take,
      String releaseIfTaken,
      String releaseIfNotTaken,
      LicenseState stateIfTaken,
      LicenseState stateIfNotTaken) {
    SeatPlan plan = SeatPlan.plan(seat(held), wanted, active);

    assertEquals(seat(take), plan.take(), "take");
    assertEquals(seat(releaseIfTaken), plan.releaseIfTaken(), "releaseIfTaken");
    assertEquals(seat(releaseIfNotTaken), plan.releaseIfNotTaken(), "releaseIfNotTaken");
    assertEquals(stateIfTaken, plan.stateIfTaken(), "stateIfTaken");
    assertEquals(stateIfNotTaken, plan.stateIfNotTaken(), "stateIfNotTaken");
  }

  @Test
  void upgradeWithoutPremiumSeatKeepsStandardSeatWhilePending() {
    SeatPlan plan = SeatPlan.plan(STANDARD_SEAT, Tier.PREMIUM, true);

    assertEquals(PREMIUM_SEAT, plan.take());
    assertEquals(NO_SEAT, plan.release(false));
    assertEquals(PENDING, plan.state(false));
  }

  @Test
  void upgradeWithPremiumSeatReleasesStandardSeat() {
    SeatPlan plan = SeatPlan.plan(STANDARD_SEAT, Tier.PREMIUM, true);

    assertEquals(STANDARD_SEAT, plan.release(true));
    assertEquals(ASSIGNED, plan.state(true));
  }

  @Test
  void downgradeReleasesPremiumSeatAtOnce() {
    SeatPlan plan = SeatPlan.plan(PREMIUM_SEAT, Tier.STANDARD, true);

    assertEquals(STANDARD_SEAT, plan.take());
    assertEquals(PREMIUM_SEAT, plan.release(true));
    assertEquals(PREMIUM_SEAT, plan.release(false));
    assertEquals(ASSIGNED, plan.state(true));
    assertEquals(PENDING, plan.state(false));
  }

  @Test
  void deactivationReleasesSeatAndSuspends() {
    SeatPlan plan = SeatPlan.plan(PREMIUM_SEAT, Tier.PREMIUM, false);

    assertEquals(NO_SEAT, plan.take());
    assertEquals(PREMIUM_SEAT, plan.release(false));
    assertEquals(SUSPENDED, plan.state(false));
  }

  @Test
  void reactivationTakesASeatOrWaits() {
    SeatPlan plan = SeatPlan.plan(NO_SEAT, Tier.STANDARD, true);

    assertEquals(STANDARD_SEAT, plan.take());
    assertEquals(ASSIGNED, plan.state(true));
    assertEquals(PENDING, plan.state(false));
  }

  @Test
  void inactiveUserWithoutLicenseIsNoneNotSuspended() {
    assertEquals(LicenseState.NONE, SeatPlan.plan(NO_SEAT, Tier.NONE, false).state(false));
  }

  @Test
  void phoneSeatIsNotAContactCenterSeat() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> SeatPlan.plan(Optional.of(SeatPoolId.PHONE_LICENSED), Tier.PREMIUM, true));
    assertEquals("phone.licensed is not a contact-center seat pool", error.getMessage());
  }

  @Test
  void planThatTakesNoSeatHasOneOutcome() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SeatPlan(NO_SEAT, STANDARD_SEAT, NO_SEAT, ASSIGNED, ASSIGNED));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SeatPlan(NO_SEAT, NO_SEAT, NO_SEAT, ASSIGNED, PENDING));
  }

  private static Optional<SeatPoolId> seat(String tier) {
    return tier.equals("-") ? NO_SEAT : SeatPoolId.forTier(Tier.parse(tier));
  }
}
