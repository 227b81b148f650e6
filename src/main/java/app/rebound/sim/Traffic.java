package app.rebound.sim;

import app.rebound.sim.Draws.Stream;
import app.rebound.sim.ShopPlan.Product;
import java.util.SplittableRandom;

/**
 * Daily counts per product, drawn twice over the same randomness: the counterfactual (no deletion)
 * and the actual. Impressions → visitors → buyers are drawn with the counterfactual means; after a
 * deletion the actual counts are the counterfactual people thinned binomially (each impression
 * survives the rank loss, each surviving visitor still clicks, each surviving buyer still buys). So
 * actual ≤ counterfactual per person and the realised loss is exact. Fake orders come on top of
 * both.
 */
final class Traffic {

  /** What one order is paid: quantity, shelf price and discounts, in fen. */
  record Amount(int quantity, long unitFen, long payableFen, long platformFen, long merchantFen) {}

  final int[][] cfImp;
  final int[][] cfVis;
  final int[][] cfBuy;
  final int[][] imp;
  final int[][] vis;
  final int[][] buy;
  final long[][] cfGmv;
  final long[][] gmv;
  final int[][] fakeOrders;
  final long[][] fakeGmv;

  private Traffic(int products, int days) {
    cfImp = new int[products][days];
    cfVis = new int[products][days];
    cfBuy = new int[products][days];
    imp = new int[products][days];
    vis = new int[products][days];
    buy = new int[products][days];
    cfGmv = new long[products][days];
    gmv = new long[products][days];
    fakeOrders = new int[products][days];
    fakeGmv = new long[products][days];
  }

  static Traffic draw(ShopPlan plan) {
    int np = plan.products.size();
    Traffic t = new Traffic(np, plan.days);
    long seed = plan.config.seed();
    for (int p = 0; p < np; p++) {
      Product pr = plan.products.get(p);
      for (int d = 0; d < plan.days; d++) {
        SplittableRandom r = Draws.rng(seed, Stream.COUNTS, p, d);
        double lambda =
            plan.meanImpressions(p, d)
                * Draws.gamma(r, ShopPlan.OVERDISPERSION)
                / ShopPlan.OVERDISPERSION;
        if (plan.config.impactDynamics().heavyTail() > 0
            || plan.config.impactDynamics().zeroInflation() > 0) {
          lambda = Mechanisms.noisyDay(plan, p, d, lambda);
        }
        int impressions = Draws.poisson(r, lambda);
        int visitors = Draws.binomial(r, impressions, pr.ctr());
        int buyers = Draws.binomial(r, visitors, pr.cvr());
        t.cfImp[p][d] = impressions;
        t.cfVis[p][d] = visitors;
        t.cfBuy[p][d] = buyers;
        double k = plan.ramp(p, d);
        if (k > 0 && plan.effVis[p] > 0) {
          SplittableRandom thin = Draws.rng(seed, Stream.THIN, p, d);
          double keepImp = 1 - k * plan.effImp[p];
          double keepClick = 1 - k * plan.effCtr[p];
          double keepBuy = 1 - k * plan.effCvr[p];
          int b1 = Draws.binomial(thin, buyers, keepImp);
          int b2 = Draws.binomial(thin, b1, keepClick);
          int b3 = Draws.binomial(thin, b2, keepBuy);
          int v1 = Draws.binomial(thin, visitors - buyers, keepImp);
          int v2 = Draws.binomial(thin, v1, keepClick);
          int i1 = Draws.binomial(thin, impressions - visitors, keepImp);
          t.imp[p][d] = b1 + v1 + i1;
          t.vis[p][d] = b2 + v2;
          t.buy[p][d] = b3;
        } else {
          t.imp[p][d] = impressions;
          t.vis[p][d] = visitors;
          t.buy[p][d] = buyers;
        }
        // Amounts are drawn for every counterfactual order; the actual orders are the first of
        // them.
        SplittableRandom a = Draws.rng(seed, Stream.AMOUNTS, p, d);
        long cf = 0;
        long actual = 0;
        for (int j = 0; j < buyers; j++) {
          long pay = amount(a, pr).payableFen();
          cf += pay;
          if (j < t.buy[p][d]) {
            actual += pay;
          }
        }
        t.cfGmv[p][d] = cf;
        t.gmv[p][d] = actual;
      }
    }
    if (plan.config.impactDynamics().spillover() > 0) {
      Mechanisms.spill(plan, t);
    }
    return t;
  }

  /** Mostly single items; some platform subsidies and merchant coupons. */
  static Amount amount(SplittableRandom r, Product p) {
    double u = r.nextDouble();
    int quantity = u < 0.86 ? 1 : u < 0.96 ? 2 : 3;
    long gross = p.priceFen() * quantity;
    long platform = 0;
    long merchant = 0;
    double v = r.nextDouble();
    if (v < 0.12) {
      platform = Math.min(gross / 10, 100L * (1 + r.nextInt(5)));
    } else if (v < 0.30) {
      long coupon = new long[] {300, 500, 1000}[r.nextInt(3)];
      merchant = gross > 3 * coupon ? coupon : 0;
    }
    return new Amount(quantity, p.priceFen(), gross - platform - merchant, platform, merchant);
  }

  /** Rows in 订单明细 for a product-day: the actual buyers plus any fake orders. */
  int orders(int p, int d) {
    return buy[p][d] + fakeOrders[p][d];
  }

  /** Mean actual orders per day of a product over [from, to]. */
  double meanOrders(int p, int from, int to) {
    from = Math.max(0, from);
    long sum = 0;
    for (int d = from; d <= to; d++) {
      sum += buy[p][d];
    }
    return to >= from ? (double) sum / (to - from + 1) : 0;
  }
}
