package dev.switchboard.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class PhoneResolverTest {
  private static final Map<String, Long> RANKS =
      Map.of("local", 10L, "national", 20L, "international", 30L, "intl-b", 30L);

  @Test
  void licensedWhenAnySourceDemandsIt() {
    assertFalse(
        PhoneResolver.resolve(List.of(PhoneDemand.direct(false, null, null)), RANKS).licensed());
    assertTrue(
        PhoneResolver.resolve(
                List.of(
                    PhoneDemand.direct(false, null, null),
                    PhoneDemand.group("g", "Sales", "t", 100, true, null, null)),
                RANKS)
            .licensed());
  }

  @Test
  void highestRankedPackageWinsAndEqualRanksTakeTheSmallestName() {
    PhoneResolution resolution =
        PhoneResolver.resolve(
            List.of(
                PhoneDemand.direct(true, "local", null),
                PhoneDemand.group("g1", "A", "t1", 100, true, "intl-b", null),
                PhoneDemand.group("g2", "B", "t2", 100, true, "international", null),
                PhoneDemand.group("g3", "C", "t3", 100, true, "unknown-package", null)),
            RANKS);
    assertEquals(Optional.of("international"), resolution.callingPackage());
  }

  @Test
  void directSiteWinsThenTemplatePrecedenceThenTemplateNameThenDefault() {
    PhoneDemand lowPrecedence = PhoneDemand.group("g1", "A", "zeta", 10, true, null, "Malmo");
    PhoneDemand samePrecedenceEarlierName =
        PhoneDemand.group("g2", "B", "alpha", 10, true, null, "Lund");
    PhoneDemand highPrecedence = PhoneDemand.group("g3", "C", "beta", 5, true, null, "Kiruna");
    assertEquals(
        Optional.of("Stockholm"),
        PhoneResolver.resolve(
                List.of(lowPrecedence, PhoneDemand.direct(true, null, "Stockholm")), RANKS)
            .site());
    assertEquals(
        Optional.of("Kiruna"),
        PhoneResolver.resolve(
                List.of(lowPrecedence, samePrecedenceEarlierName, highPrecedence), RANKS)
            .site());
    assertEquals(
        Optional.of("Lund"),
        PhoneResolver.resolve(List.of(lowPrecedence, samePrecedenceEarlierName), RANKS).site());
    assertEquals(
        Optional.empty(),
        PhoneResolver.resolve(List.of(PhoneDemand.direct(true, null, null)), RANKS).site());
  }

  @RepeatedTest(200)
  void theOrderOfDemandsNeverChangesTheResult(RepetitionInfo repetition) {
    long seed = 7919L * repetition.getCurrentRepetition();
    Random random = new Random(seed);
    List<PhoneDemand> demands = new ArrayList<>();
    String[] packages = {null, "local", "national", "international", "intl-b"};
    String[] sites = {null, "Stockholm", "Lund"};
    for (int i = 0; i < 1 + random.nextInt(6); i++) {
      demands.add(
          PhoneDemand.group(
              "g" + random.nextInt(3),
              "G" + random.nextInt(3),
              "t" + random.nextInt(3),
              random.nextInt(3) * 10L,
              random.nextBoolean(),
              packages[random.nextInt(packages.length)],
              sites[random.nextInt(sites.length)]));
    }
    PhoneResolution expected = PhoneResolver.resolve(demands, RANKS);
    for (int shuffle = 0; shuffle < 10; shuffle++) {
      Collections.shuffle(demands, random);
      assertEquals(expected, PhoneResolver.resolve(demands, RANKS), "seed " + seed);
    }
  }
}
