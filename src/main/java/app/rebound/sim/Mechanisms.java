package app.rebound.sim;

import app.rebound.sim.Draws.Stream;
import app.rebound.sim.ImpactDynamics.ControlShock;
import app.rebound.sim.ShopPlan.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The impact mechanisms of {@link ImpactDynamics}, each a small step the plan or the traffic calls
 * only when its field is on. Their randomness has its own salted streams, so switching one on never
 * moves a draw of the plain world.
 */
final class Mechanisms {

  private Mechanisms() {}

  /** Category of each Catalog kind: 0 beauty and care, 1 clothing and sport, 2 digital, 3 home. */
  private static final int[] CATEGORY_OF_KIND = {0, 0, 1, 1, 2, 2, 0, 0, 3, 3, 2, 1, 2, 3, 3, 0};

  static final int CATEGORIES = 4;

  private static final long SEASON = 0x5EA5_0000_0000_0001L;
  private static final long SHOCK = 0x5EA5_0000_0000_0002L;
  private static final long DAY_NOISE = 0x5EA5_0000_0000_0003L;
  private static final long SPILL = 0x5EA5_0000_0000_0004L;

  static int category(int kind) {
    return CATEGORY_OF_KIND[kind % CATEGORY_OF_KIND.length];
  }

  private static SplittableRandom rng(ShopPlan plan, long salt, int a, int b) {
    return Draws.rng(plan.config.seed() ^ salt, Stream.NOISE, a, b);
  }

  /** The best seller's exposure raised until it outsells all other products together, 1.5 to 1. */
  static void makeDominant(ShopPlan plan) {
    int best = 0;
    double others = 0;
    for (int p = 0; p < plan.products.size(); p++) {
      if (plan.salesPower(p) > plan.salesPower(best)) {
        best = p;
      }
    }
    for (int p = 0; p < plan.products.size(); p++) {
      others += p == best ? 0 : plan.salesPower(p);
    }
    Product b = plan.products.get(best);
    double base = 1.5 * others / (b.ctr() * b.cvr());
    plan.products.set(
        best,
        new Product(
            b.index(), b.id(), b.name(), b.sku(), b.specs(), b.priceFen(), base, b.ctr(), b.cvr()));
  }

  /**
   * Per product-day multipliers of the mean exposure: each category's seasonal wave and trend
   * break, and the shock of one control. Null when neither mechanism is on.
   */
  static double[][] exposureFactors(ShopPlan plan) {
    ImpactDynamics dyn = plan.config.impactDynamics();
    if (dyn.categorySeason() == 0 && dyn.controlShock() == ControlShock.NONE) {
      return null;
    }
    int n = plan.products.size();
    double[][] factor = new double[n][plan.days];
    double[][] season = categorySeasons(plan, dyn.categorySeason());
    for (int p = 0; p < n; p++) {
      for (int d = 0; d < plan.days; d++) {
        factor[p][d] = season[plan.category[p]][d];
      }
    }
    int shocked = shockedControl(plan);
    if (dyn.controlShock() != ControlShock.NONE && shocked >= 0) {
      SplittableRandom r = rng(plan, SHOCK, 0, 0);
      int firstDeletion = plan.batches.get(0).day;
      boolean stockOut = dyn.controlShock() == ControlShock.STOCK_OUT;
      int from = firstDeletion + 2 + r.nextInt(stockOut ? 6 : 8);
      int length = stockOut ? 7 + r.nextInt(6) : 2;
      for (int d = from; d < Math.min(plan.days, from + length); d++) {
        factor[shocked][d] *= stockOut ? 0.03 : 6.0;
      }
    }
    return factor;
  }

  /**
   * exp(a sin(2πd/period + phase) + slope · days since the break), per category; all 1 when the
   * amplitude is 0. The break falls between two weeks before the first deletion and two weeks
   * before the end, so it often lands in the post-period of some products and not of others.
   */
  private static double[][] categorySeasons(ShopPlan plan, double amplitude) {
    double[][] season = new double[CATEGORIES][plan.days];
    int firstDeletion = plan.batches.isEmpty() ? plan.days / 2 : plan.batches.get(0).day;
    for (int c = 0; c < CATEGORIES; c++) {
      SplittableRandom r = rng(plan, SEASON, c, 0);
      double a = amplitude * Draws.uniform(r, 0.5, 1.0);
      double period = Draws.uniform(r, 20, 60);
      double phase = Draws.uniform(r, 0, 2 * Math.PI);
      int lo = Math.max(0, firstDeletion - 14);
      int breakDay = lo + r.nextInt(Math.max(1, plan.days - 14 - lo));
      double slope =
          (r.nextBoolean() ? 1 : -1) * Draws.uniform(r, 0.004, 0.012) * (amplitude > 0 ? 1 : 0);
      for (int d = 0; d < plan.days; d++) {
        double wave = a * Math.sin(2 * Math.PI * d / period + phase);
        season[c][d] = Math.exp(wave + slope * Math.max(0, d - breakDay));
      }
    }
    return season;
  }

  /** The unaffected product with the most sales, -1 if there is none. */
  static int shockedControl(ShopPlan plan) {
    int best = -1;
    for (int p = 0; p < plan.products.size(); p++) {
      if (plan.batchOf[p] < 0 && (best < 0 || plan.salesPower(p) > plan.salesPower(best))) {
        best = p;
      }
    }
    return best;
  }

  /**
   * A product-day's mean impressions with the heavy-tailed bursts and the empty days: a burst
   * multiplies it by 1 + a Pareto draw (tail index 1.5, at most 40); an empty day is 0.
   */
  static double noisyDay(ShopPlan plan, int p, int d, double lambda) {
    ImpactDynamics dyn = plan.config.impactDynamics();
    SplittableRandom r = rng(plan, DAY_NOISE, p, d);
    if (r.nextDouble() < dyn.zeroInflation()) {
      return 0;
    }
    if (r.nextDouble() < dyn.heavyTail()) {
      return lambda * (1 + Math.min(40, Math.pow(1 - r.nextDouble(), -1 / 1.5)));
    }
    return lambda;
  }

  /**
   * Diverted buyers: each day, the spillover share of the visitors an affected product lost go to
   * the unaffected products of its category (in proportion to their exposure), click and buy there
   * at that product's rates. Only the actual counts of the substitutes change; their counterfactual
   * stays the world without the deletion.
   */
  static void spill(ShopPlan plan, Traffic t) {
    double share = plan.config.impactDynamics().spillover();
    int n = plan.products.size();
    for (int c = 0; c < CATEGORIES; c++) {
      List<Integer> substitutes = new ArrayList<>();
      double weight = 0;
      for (int p = 0; p < n; p++) {
        if (plan.category[p] == c && plan.batchOf[p] < 0) {
          substitutes.add(p);
          weight += plan.products.get(p).baseImpressions();
        }
      }
      if (substitutes.isEmpty()) {
        continue;
      }
      for (int d = 0; d < plan.days; d++) {
        long lost = 0;
        for (int p = 0; p < n; p++) {
          if (plan.category[p] == c && plan.batchOf[p] >= 0) {
            lost += t.cfVis[p][d] - t.vis[p][d];
          }
        }
        if (lost == 0) {
          continue;
        }
        for (int s : substitutes) {
          Product pr = plan.products.get(s);
          SplittableRandom r = rng(plan, SPILL, s, d);
          int extra = Draws.poisson(r, share * lost * pr.baseImpressions() / weight);
          int extraBuyers = Draws.binomial(r, extra, pr.cvr());
          t.imp[s][d] += extra;
          t.vis[s][d] += extra;
          t.buy[s][d] += extraBuyers;
          // The first amounts of the day's stream are the counterfactual orders'; the extra
          // buyers pay the next ones, as Orders draws them.
          SplittableRandom a = Draws.rng(plan.config.seed(), Stream.AMOUNTS, s, d);
          long paid = 0;
          for (int j = 0; j < t.buy[s][d]; j++) {
            paid += Traffic.amount(a, pr).payableFen();
          }
          t.gmv[s][d] = paid;
        }
      }
    }
  }
}
