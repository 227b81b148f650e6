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
              c -> c.withImpactDynamics(ImpactDynamics.PLAIN)),
          new SimScenario(
              "ramp_and_fade",
              "the effect builds over 10 days, then halves every 21 days",
              21_000,
              c -> c.withImpactDynamics(ImpactDynamics.RAMP_AND_FADE)),
          new SimScenario(
              "staggered",
              "three or four deletion batches (mixed causes) 21 days apart, 126-day window",
              22_000,
              c ->
                  c.withImpactDynamics(ImpactDynamics.STAGGERED)
                      .withScenario(Scenario.MIXED)
                      .withDays(126)),
          new SimScenario(
              "spillover",
              "40% of the visitors an affected product loses go to unaffected products of its"
                  + " category (substitutes rise)",
              23_000,
              c -> c.withImpactDynamics(ImpactDynamics.SPILLOVER)),
          new SimScenario(
              "category_seasons",
              "each of four categories has its own seasonal wave (amplitude 0.15–0.3 on the log"
                  + " scale, period 20–60 days) and a trend break of ±0.4–1.2% a day",
              24_000,
              c -> c.withImpactDynamics(ImpactDynamics.CATEGORY_SEASONS)),
          new SimScenario(
              "control_stock_out",
              "the unaffected best seller is out of stock for 7–12 days soon after the first"
                  + " deletion (traffic at 3%)",
              25_000,
              c -> c.withImpactDynamics(ImpactDynamics.CONTROL_STOCK_OUT)),
          new SimScenario(
              "control_viral",
              "the unaffected best seller has two viral days (six times its traffic) soon after"
                  + " the first deletion",
              26_000,
              c -> c.withImpactDynamics(ImpactDynamics.CONTROL_VIRAL)),
          new SimScenario(
              "four_products",
              "a 4-product shop whose best seller outsells the other three together, 1.5 to 1;"
                  + " even seeds: a malicious report on the best sellers (2–3 controls left); odd"
                  + " seeds: mixed batches that may leave a single control",
              27_000,
              c ->
                  c.seed() % 2 == 0
                      ? c.withImpactDynamics(ImpactDynamics.DOMINANT_BEST_SELLER)
                          .withProducts(4)
                          .withScenario(Scenario.MALICIOUS_REPORT)
                      : c.withImpactDynamics(ImpactDynamics.DOMINANT_ONE_CONTROL)
                          .withProducts(4)
                          .withScenario(Scenario.MIXED)),
          new SimScenario(
              "heavy_tailed_noise",
              "3% of product-days burst (1 + Pareto, tail index 1.5) and 15% have no traffic at"
                  + " all",
              28_000,
              c -> c.withImpactDynamics(ImpactDynamics.HEAVY_TAILED_NOISE)));

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
