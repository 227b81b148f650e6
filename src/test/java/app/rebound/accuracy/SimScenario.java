package app.rebound.accuracy;

import app.rebound.sim.ImpactDynamics;
import app.rebound.sim.Scenario;
import app.rebound.sim.SimConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A family of simulated shops: the plain world with one impact mechanism switched on. Shop i has an
 * injected effect and a placebo twin drawn from the same seed (same counterfactual world, its
 * deletion batches with no effect).
 *
 * @param name the scenario's name in the report
 * @param description what the mechanism does, for the report
 * @param seedBase the first seed (each scenario has its own, so scenarios are different shops)
 * @param shape the mechanism applied to the base configuration of each shop
 */
public record SimScenario(
    String name, String description, long seedBase, UnaryOperator<SimConfig> shape) {

  private static final Scenario[] CAUSES = {
    Scenario.SYSTEM_ERROR, Scenario.MALICIOUS_REPORT, Scenario.VIOLATION, Scenario.MIXED
  };
  private static final double[] EFFECTS = {0.15, 0.25, 0.35, 0.45};

  /** Every scenario of the benchmark, the plain world first. */
  public static final List<SimScenario> ALL =
      List.of(
          new SimScenario(
              "plain",
              "the original world: a step effect from the deletion on, shop-wide rhythm only",
              20_000,
              c -> c.withImpactDynamics(ImpactDynamics.PLAIN)));

  /** The shop with an injected effect: causes and effect sizes cycle with i. */
  public SimConfig effect(int i) {
    SimConfig base =
        SimConfig.defaults()
            .withSeed(seedBase + i)
            .withStart(LocalDate.of(2026, 3, 2))
            .withProducts(16 + (i % 3) * 4)
            .withDays(84 + (i % 4) * 7)
            .withScenario(CAUSES[i % CAUSES.length])
            .withEffectSize(EFFECTS[(i / CAUSES.length) % EFFECTS.length])
            .withPromotionSpike(i % 3 == 2);
    return shape.apply(base);
  }

  /** The placebo twin of shop i: same seed and mechanism, no injected effect. */
  public SimConfig placebo(int i) {
    return effect(i).withScenario(Scenario.PLACEBO).withEffectSize(0);
  }

  /** Shops 0 … n−1, each followed by its placebo twin. */
  public List<SimConfig> configs(int n) {
    List<SimConfig> configs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      configs.add(effect(i));
      configs.add(placebo(i));
    }
    return configs;
  }
}
