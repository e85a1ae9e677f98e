package dev.switchboard.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The closed vocabularies of api.md: case-insensitive parsing, errors naming allowed values. */
class TierRoleParseTest {

  @ParameterizedTest
  @CsvSource({"none, NONE", "Standard, STANDARD", "PREMIUM, PREMIUM", "'  premium ', PREMIUM"})
  void tierParseIgnoresCaseAndSurroundingBlanks(String text, Tier expected) {
    assertEquals(expected, Tier.parse(text));
  }

  @Test
  void tierParseRejectsUnknownValuesNamingTheAllowedOnes() {
    InvalidLicenseValueException error =
        assertThrows(InvalidLicenseValueException.class, () -> Tier.parse("gold"));

    assertEquals("license must be one of none, standard, premium; got 'gold'", error.getMessage());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "premium-plus", "1"})
  void tierParseRejectsBlankAndNull(String text) {
    InvalidLicenseValueException error =
        assertThrows(InvalidLicenseValueException.class, () -> Tier.parse(text));

    assertTrue(error.getMessage().contains("none, standard, premium"), error.getMessage());
  }

  @Test
  void tiersAreOrderedAndPremiumWins() {
    assertTrue(Tier.NONE.compareTo(Tier.STANDARD) < 0);
    assertTrue(Tier.STANDARD.compareTo(Tier.PREMIUM) < 0);
    assertEquals(Tier.PREMIUM, Tier.STANDARD.max(Tier.PREMIUM));
    assertEquals(Tier.PREMIUM, Tier.PREMIUM.max(Tier.NONE));
    assertEquals(Tier.STANDARD, Tier.STANDARD.max(Tier.STANDARD));
  }

  @ParameterizedTest
  @CsvSource({"agent, AGENT", "Supervisor, SUPERVISOR", "ADMIN, ADMIN", "' admin', ADMIN"})
  void roleParseIgnoresCaseAndSurroundingBlanks(String text, Role expected) {
    assertEquals(expected, Role.parse(text));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void roleParseOfNothingIsAgent(String text) {
    assertEquals(Role.AGENT, Role.parse(text));
  }

  @Test
  void roleParseRejectsUnknownValuesNamingTheAllowedOnes() {
    InvalidLicenseValueException error =
        assertThrows(InvalidLicenseValueException.class, () -> Role.parse("boss"));

    assertEquals("role must be one of agent, supervisor, admin; got 'boss'", error.getMessage());
  }

  @Test
  void supervisorsAndAdminsDemandPremium() {
    assertEquals(Tier.NONE, Role.AGENT.demandedTier());
    assertEquals(Tier.PREMIUM, Role.SUPERVISOR.demandedTier());
    assertEquals(Tier.PREMIUM, Role.ADMIN.demandedTier());
  }

  @Test
  void licenseStateParseIgnoresCaseAndRejectsUnknownValues() {
    assertEquals(LicenseState.PENDING, LicenseState.parse("Pending"));
    InvalidLicenseValueException error =
        assertThrows(InvalidLicenseValueException.class, () -> LicenseState.parse(null));
    assertEquals(
        "licenseState must be one of none, assigned, pending, suspended; got no value",
        error.getMessage());
  }

  @Test
  void wireNamesAreLowerCase() {
    assertEquals("premium", Tier.PREMIUM.wireName());
    assertEquals("supervisor", Role.SUPERVISOR.wireName());
    assertEquals("suspended", LicenseState.SUSPENDED.wireName());
    assertEquals("group", SourceType.GROUP.wireName());
  }

  @ParameterizedTest
  @EnumSource(Tier.class)
  void tierWireNameRoundTrips(Tier tier) {
    assertEquals(tier, Tier.parse(tier.wireName()));
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void roleWireNameRoundTrips(Role role) {
    assertEquals(role, Role.parse(role.wireName()));
  }

  @ParameterizedTest
  @EnumSource(LicenseState.class)
  void licenseStateWireNameRoundTrips(LicenseState state) {
    assertEquals(state, LicenseState.parse(state.wireName()));
  }

  @ParameterizedTest
  @EnumSource(SourceType.class)
  void sourceTypeWireNameRoundTrips(SourceType type) {
    assertEquals(type, SourceType.parse(type.wireName()));
  }
}
