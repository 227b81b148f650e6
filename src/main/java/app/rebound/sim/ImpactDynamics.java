package app.rebound.sim;

import java.util.Objects;

/**
 * How a simulated deletion's effect and the shop's other dynamics unfold over time, beyond the
 * plain step effect. {@link #PLAIN} is the simulator's original world; each mechanism is off there
 * and switched on by its own field.
 *
 * @param rampDays days the effect takes to reach full strength (0: the plain {@value
 *     ShopPlan#RAMP_DAYS})
 * @param fadeHalfLifeDays after full strength the effect halves every this many days (0: it stays)
 * @param staggerDays the deletion batches come this many days apart, one after another (0: spread
 *     over the window)
 * @param spillover share of an affected product's lost visitors who buy from an unaffected product
 *     of the same category instead (substitutes rise)
 * @param categorySeason amplitude (log scale) of each category's own seasonal wave and trend break
 *     (0: every product follows the shop-wide rhythm)
 * @param controlShock one unaffected product's own event after the first deletion
 * @param dominantBestSeller the best seller outsells all other products together
 * @param heavyTail chance of a product-day with a heavy-tailed burst of traffic (wholesale buyers,
 *     a post that travels)
 * @param zeroInflation chance of a product-day with no traffic at all (off shelf, out of stock)
 * @param controlsKept the deletions leave at least this many products unaffected (0: the plain
 *     rule, at least 2 and 35% of the products)
 */
public record ImpactDynamics(
    int rampDays,
    int fadeHalfLifeDays,
    int staggerDays,
    double spillover,
    double categorySeason,
    ControlShock controlShock,
    boolean dominantBestSeller,
    double heavyTail,
    double zeroInflation,
    int controlsKept) {

  /** An event among the controls only, hitting the unaffected product with the most sales. */
  public enum ControlShock {
    NONE,
    /** Out of stock for 7–12 days: its traffic falls to 3%. */
    STOCK_OUT,
    /** Two viral days: its traffic is six times the usual. */
    VIRAL
  }

  /**
   * The original world: the effect starts the day of the deletion, full after 3 days, and stays.
   */
  public static final ImpactDynamics PLAIN =
      new ImpactDynamics(0, 0, 0, 0, 0, ControlShock.NONE, false, 0, 0, 0);

  /** The effect builds over 10 days, then halves every 21. */
  public static final ImpactDynamics RAMP_AND_FADE =
      new ImpactDynamics(10, 21, 0, 0, 0, ControlShock.NONE, false, 0, 0, 0);

  /** Deletion batches three weeks apart. */
  public static final ImpactDynamics STAGGERED =
      new ImpactDynamics(0, 0, 21, 0, 0, ControlShock.NONE, false, 0, 0, 0);

  /** 40% of the lost visitors go to same-category substitutes. */
  public static final ImpactDynamics SPILLOVER =
      new ImpactDynamics(0, 0, 0, 0.4, 0, ControlShock.NONE, false, 0, 0, 0);

  /** Each category has its own seasonal wave and trend break. */
  public static final ImpactDynamics CATEGORY_SEASONS =
      new ImpactDynamics(0, 0, 0, 0, 0.3, ControlShock.NONE, false, 0, 0, 0);

  public static final ImpactDynamics CONTROL_STOCK_OUT =
      new ImpactDynamics(0, 0, 0, 0, 0, ControlShock.STOCK_OUT, false, 0, 0, 0);

  public static final ImpactDynamics CONTROL_VIRAL =
      new ImpactDynamics(0, 0, 0, 0, 0, ControlShock.VIRAL, false, 0, 0, 0);

  /** The best seller outsells every other product together (for a 4-product shop). */
  public static final ImpactDynamics DOMINANT_BEST_SELLER =
      new ImpactDynamics(0, 0, 0, 0, 0, ControlShock.NONE, true, 0, 0, 0);

  /** A dominant best seller, and the deletions may leave a single product unaffected. */
  public static final ImpactDynamics DOMINANT_ONE_CONTROL =
      new ImpactDynamics(0, 0, 0, 0, 0, ControlShock.NONE, true, 0, 0, 1);

  /** 3% of product-days burst (Pareto, tail index 1.5); 15% have no traffic at all. */
  public static final ImpactDynamics HEAVY_TAILED_NOISE =
      new ImpactDynamics(0, 0, 0, 0, 0, ControlShock.NONE, false, 0.03, 0.15, 0);

  public ImpactDynamics {
    Objects.requireNonNull(controlShock, "controlShock");
    if (rampDays < 0 || fadeHalfLifeDays < 0 || staggerDays < 0 || controlsKept < 0) {
      throw new IllegalArgumentException(
          "ramp, fade and stagger days and controls kept must not be negative");
    }
    if (staggerDays > 0 && staggerDays < 7) {
      throw new IllegalArgumentException("staggered batches come at least 7 days apart");
    }
    for (double share : new double[] {spillover, heavyTail, zeroInflation}) {
      if (!(share >= 0 && share < 1)) {
        throw new IllegalArgumentException(
            "spillover, heavy tail and zero inflation are shares in [0, 1), was " + share);
      }
    }
    if (!(categorySeason >= 0 && categorySeason <= 1)) {
      throw new IllegalArgumentException(
          "category season must be in [0, 1], was " + categorySeason);
    }
  }
}
