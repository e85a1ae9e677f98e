package dev.switchboard.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The seat pool ids of api.md {@code /SeatPools} and their link to contact-center tiers. */
class SeatPoolIdTest {

  @Test
  void wireNamesAreTheIdsOfApiMd() {
    assertEquals("contactCenter.standard", SeatPoolId.CONTACT_CENTER_STANDARD.wireName());
    assertEquals("contactCenter.premium", SeatPoolId.CONTACT_CENTER_PREMIUM.wireName());
    assertEquals("phone.licensed", SeatPoolId.PHONE_LICENSED.wireName());
  }

  @Test
  void parseMatchesTheWholeIdIgnoringCase() {
    assertEquals(
        Optional.of(SeatPoolId.CONTACT_CENTER_PREMIUM), SeatPoolId.parse("CONTACTCENTER.premium"));
    assertEquals(Optional.of(SeatPoolId.PHONE_LICENSED), SeatPoolId.parse("phone.licensed"));
    assertEquals(Optional.empty(), SeatPoolId.parse("contactCenter"));
    assertEquals(Optional.empty(), SeatPoolId.parse(" phone.licensed"));
    assertEquals(Optional.empty(), SeatPoolId.parse("CONTACT_CENTER_PREMIUM"));
    assertEquals(Optional.empty(), SeatPoolId.parse(null));
  }

  @Test
  void forTierSeatsOnlyPaidTiers() {
    assertEquals(Optional.empty(), SeatPoolId.forTier(Tier.NONE));
    assertEquals(
        Optional.of(SeatPoolId.CONTACT_CENTER_STANDARD), SeatPoolId.forTier(Tier.STANDARD));
    assertEquals(Optional.of(SeatPoolId.CONTACT_CENTER_PREMIUM), SeatPoolId.forTier(Tier.PREMIUM));
    assertEquals(Optional.empty(), SeatPoolId.PHONE_LICENSED.tier());
  }

  @ParameterizedTest
  @EnumSource(
      value = Tier.class,
      names = {"STANDARD", "PREMIUM"})
  void tierIsTheInverseOfForTier(Tier tier) {
    assertEquals(Optional.of(tier), SeatPoolId.forTier(tier).flatMap(SeatPoolId::tier));
  }
}
