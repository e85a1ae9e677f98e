package dev.switchboard.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Contact-center resolution (licensing.md "Resolution"): premium wins, sources above none. */
class ContactCenterResolverTest {

  /**
   * Every direct tier × every role × every list of 0–3 group templates, each template with every
   * tier: 3 × 3 × (1 + 3 + 9 + 27) = 360 cases.
   */
  static Stream<Arguments> everyCombination() {
    List<Arguments> cases = new ArrayList<>();
    for (Tier direct : Tier.values()) {
      for (Role role : Role.values()) {
        for (List<Tier> templates : templateTierLists(3)) {
          cases.add(Arguments.of(direct, role, templates));
        }
      }
    }
    return cases.stream();
  }

  /** All lists of up to {@code maxLength} tiers, each position any tier. */
  private static List<List<Tier>> templateTierLists(int maxLength) {
    List<List<Tier>> lists = new ArrayList<>();
    List<List<Tier>> ofLength = List.of(List.of());
    for (int length = 0; length <= maxLength; length++) {
      lists.addAll(ofLength);
      List<List<Tier>> longer = new ArrayList<>();
      for (List<Tier> prefix : ofLength) {
        for (Tier tier : Tier.values()) {
          List<Tier> list = new ArrayList<>(prefix);
          list.add(tier);
          longer.add(List.copyOf(list));
        }
      }
      ofLength = longer;
    }
    return lists;
  }

  @ParameterizedTest(name = "direct={0} role={1} templates={2}")
  @MethodSource("everyCombination")
  void effectiveTierIsTheHighestDemandAndSourcesAreTheDemandsAboveNone(
      Tier direct, Role role, List<Tier> templateTiers) {
    List<Demand> demands = new ArrayList<>();
    demands.add(Demand.direct(direct));
    demands.add(Demand.role(role));
    for (int i = 0; i < templateTiers.size(); i++) {
      demands.add(Demand.group("g" + i, "Group " + i, "Template " + i, templateTiers.get(i)));
    }

    Resolution resolution = ContactCenterResolver.resolve(demands);

    Tier expected = direct.max(role.demandedTier());
    for (Tier tier : templateTiers) {
      expected = expected.max(tier);
    }
    assertEquals(expected, resolution.effective());
    List<Demand> aboveNone = demands.stream().filter(d -> d.tier() != Tier.NONE).toList();
    assertEquals(aboveNone.size(), resolution.sources().size(), () -> "" + resolution);
    assertEquals(
        aboveNone.stream().sorted(Resolution.CANONICAL_ORDER).toList(), resolution.sources());
    for (int i = 1; i < resolution.sources().size(); i++) {
      Tier before = resolution.sources().get(i - 1).tier();
      Tier after = resolution.sources().get(i).tier();
      assertEquals(before, before.max(after), "sources are ordered by tier, highest first");
    }
  }

  @Test
  void premiumWinsWhenGroupsDisagree() {
    Resolution resolution =
        ContactCenterResolver.resolve(
            List.of(
                Demand.group("g1", "Sales Agents", "agents", Tier.STANDARD),
                Demand.group("g2", "Sales Leads", "leads", Tier.PREMIUM)));

    assertEquals(Tier.PREMIUM, resolution.effective());
    assertEquals(
        List.of(
            Demand.group("g2", "Sales Leads", "leads", Tier.PREMIUM),
            Demand.group("g1", "Sales Agents", "agents", Tier.STANDARD)),
        resolution.sources());
  }

  @Test
  void premiumWinsOverADirectStandardLicense() {
    Resolution resolution =
        ContactCenterResolver.resolve(
            List.of(
                Demand.direct(Tier.STANDARD),
                Demand.group("g2", "Sales Leads", "leads", Tier.PREMIUM)));

    assertEquals(Tier.PREMIUM, resolution.effective());
  }

  @Test
  void supervisorRoleDemandsPremium() {
    Resolution resolution = ContactCenterResolver.resolve(List.of(Demand.role(Role.SUPERVISOR)));

    assertEquals(new Resolution(Tier.PREMIUM, List.of(Demand.role(Role.SUPERVISOR))), resolution);
  }

  @Test
  void emptyInputResolvesToNone() {
    Resolution resolution = ContactCenterResolver.resolve(List.of());

    assertEquals(Tier.NONE, resolution.effective());
    assertEquals(List.of(), resolution.sources());
    assertEquals(Resolution.NONE, resolution);
  }

  @Test
  void noneDirectDemandContributesNoSource() {
    Resolution resolution =
        ContactCenterResolver.resolve(
            List.of(
                Demand.direct(Tier.NONE), Demand.group("g1", "Sales Agents", "a", Tier.STANDARD)));

    assertEquals(
        List.of(Demand.group("g1", "Sales Agents", "a", Tier.STANDARD)), resolution.sources());
  }

  @Test
  void agentRoleAndNoneTemplatesContributeNoSource() {
    Resolution resolution =
        ContactCenterResolver.resolve(
            List.of(Demand.role(Role.AGENT), Demand.group("g1", "Everyone", "none", Tier.NONE)));

    assertEquals(Resolution.NONE, resolution);
  }

  @Test
  void sourcesAreOrderedByTierThenTypeThenGroupNameIgnoringCase() {
    Demand premiumGroup = Demand.group("g9", "alpha", "t", Tier.PREMIUM);
    Demand role = Demand.role(Role.ADMIN);
    Demand direct = Demand.direct(Tier.STANDARD);
    Demand bravo = Demand.group("g1", "Bravo", "t", Tier.STANDARD);
    Demand charlie = Demand.group("g0", "charlie", "t", Tier.STANDARD);
    Demand charlieOtherTemplate = Demand.group("g0", "charlie", "u", Tier.STANDARD);

    Resolution resolution =
        ContactCenterResolver.resolve(
            List.of(charlieOtherTemplate, charlie, bravo, direct, role, premiumGroup));

    assertEquals(
        List.of(role, premiumGroup, direct, bravo, charlie, charlieOtherTemplate),
        resolution.sources());
  }

  @Test
  void aDemandGivenTwiceIsListedOnce() {
    Demand leads = Demand.group("g2", "Sales Leads", "leads", Tier.PREMIUM);

    Resolution resolution =
        ContactCenterResolver.resolve(List.of(leads, Demand.direct(Tier.PREMIUM), leads));

    assertEquals(List.of(Demand.direct(Tier.PREMIUM), leads), resolution.sources());
  }

  @Test
  void resolutionRejectsAnEffectiveTierTheSourcesDoNotDemand() {
    assertThrows(IllegalArgumentException.class, () -> new Resolution(Tier.PREMIUM, List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Resolution(Tier.PREMIUM, List.of(Demand.direct(Tier.STANDARD))));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Resolution(Tier.NONE, List.of(Demand.direct(Tier.NONE))));
  }

  @Test
  void resolutionSourcesCannotBeChanged() {
    Resolution resolution =
        ContactCenterResolver.resolve(new ArrayList<>(Arrays.asList(Demand.direct(Tier.PREMIUM))));

    assertThrows(
        UnsupportedOperationException.class,
        () -> resolution.sources().add(Demand.direct(Tier.STANDARD)));
  }
}
