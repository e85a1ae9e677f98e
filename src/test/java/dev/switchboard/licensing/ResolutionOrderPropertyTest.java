package dev.switchboard.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Order of events never changes the outcome (licensing.md "Resolution"): any permutation of the
 * same demands resolves to an equal {@link Resolution}. A property test on seeded random demand
 * lists; a failure names its seed, and {@code -Dlicensing.seed=N} moves the whole run to other
 * seeds.
 */
class ResolutionOrderPropertyTest {
  private static final long FIRST_SEED = Long.getLong("licensing.seed", 4_2024L);
  private static final int SHUFFLES = 20;

  /** Group names that collide ignoring case, and ids shared between names, to test tiebreaks. */
  private static final List<String> GROUP_NAMES =
      List.of("Sales Agents", "sales agents", "SALES AGENTS", "Sales Leads", "Support", "Äpplen");

  private static final List<String> GROUP_IDS = List.of("g1", "g2", "g3", "G1");
  private static final List<String> TEMPLATE_NAMES = List.of("agents", "leads", "Agents", "t");

  @RepeatedTest(1_000)
  void everyPermutationOfTheSameDemandsResolvesEqually(RepetitionInfo repetition) {
    long seed = FIRST_SEED + repetition.getCurrentRepetition();
    Random random = new Random(seed);
    List<Demand> demands = randomDemands(random);

    Resolution expected = ContactCenterResolver.resolve(demands);

    assertEquals(
        demands.stream().map(Demand::tier).reduce(Tier.NONE, Tier::max),
        expected.effective(),
        () -> "seed " + seed + ": effective tier of " + demands);
    assertEquals(
        new HashSet<>(demands.stream().filter(d -> d.tier() != Tier.NONE).toList()),
        new HashSet<>(expected.sources()),
        () -> "seed " + seed + ": sources of " + demands);
    assertEquals(
        expected.sources().size(),
        new HashSet<>(expected.sources()).size(),
        () -> "seed " + seed + ": duplicate sources in " + expected);
    for (int shuffle = 1; shuffle <= SHUFFLES; shuffle++) {
      List<Demand> shuffled = new ArrayList<>(demands);
      Collections.shuffle(shuffled, random);
      int attempt = shuffle;
      assertEquals(
          expected,
          ContactCenterResolver.resolve(shuffled),
          () ->
              "seed "
                  + seed
                  + ", shuffle "
                  + attempt
                  + ": "
                  + demands
                  + " resolved differently when given as "
                  + shuffled);
    }
  }

  /** 0–12 demands of all three kinds, with some demands repeated verbatim. */
  private static List<Demand> randomDemands(Random random) {
    List<Demand> demands = new ArrayList<>();
    int count = random.nextInt(13);
    for (int i = 0; i < count; i++) {
      if (!demands.isEmpty() && random.nextInt(5) == 0) {
        demands.add(demands.get(random.nextInt(demands.size())));
        continue;
      }
      demands.add(
          switch (random.nextInt(3)) {
            case 0 -> Demand.direct(pick(random, List.of(Tier.values())));
            case 1 -> Demand.role(pick(random, List.of(Role.values())));
            default ->
                Demand.group(
                    pick(random, GROUP_IDS),
                    pick(random, GROUP_NAMES),
                    pick(random, TEMPLATE_NAMES),
                    pick(random, List.of(Tier.values())));
          });
    }
    return demands;
  }

  private static <T> T pick(Random random, List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
