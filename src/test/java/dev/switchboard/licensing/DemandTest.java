package dev.switchboard.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A demand names a group and template exactly when it comes from a group. */
class DemandTest {

  @Test
  void roleDemandCarriesTheRolesTier() {
    assertEquals(Tier.PREMIUM, Demand.role(Role.SUPERVISOR).tier());
    assertEquals(Tier.NONE, Demand.role(Role.AGENT).tier());
    assertEquals(SourceType.ROLE, Demand.role(Role.ADMIN).type());
  }

  @Test
  void directDemandNamesNoGroup() {
    Demand direct = Demand.direct(Tier.STANDARD);

    assertEquals(SourceType.DIRECT, direct.type());
    assertNull(direct.groupId());
    assertNull(direct.groupName());
    assertNull(direct.templateName());
  }

  @Test
  void groupDemandNeedsGroupIdNameAndTemplate() {
    assertThrows(NullPointerException.class, () -> Demand.group(null, "n", "t", Tier.STANDARD));
    assertThrows(NullPointerException.class, () -> Demand.group("g", null, "t", Tier.STANDARD));
    assertThrows(NullPointerException.class, () -> Demand.group("g", "n", null, Tier.STANDARD));
    assertThrows(NullPointerException.class, () -> Demand.group("g", "n", "t", null));
  }

  @Test
  void onlyAGroupDemandNamesAGroup() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Demand(SourceType.DIRECT, Tier.PREMIUM, "g", null, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Demand(SourceType.ROLE, Tier.PREMIUM, null, null, "t"));
  }
}
