package app.rebound.analysis;

import app.rebound.analysis.Measure.Effect;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The difference-in-differences arithmetic behind every measure, kept in one place so each number
 * can be checked by hand: (affected after − affected before) − (unaffected after − unaffected
 * before), with a 95% normal or t interval.
 */
final class Did {

  static final double Z95 = 1.959963984540054;

  static final String TWO_PROPORTION =
      "normal 95%, four independent proportions, variance with (x+1)/(n+2)";
  static final String FOUR_MEANS = "normal 95%, four independent means (sample variance / n)";
  static final String UNIT_CHANGES = "Welch t 95% over per-product changes";
  static final String ONE_UNIT = "t 95% prediction interval from the unaffected products' changes";
  static final String SHOP_CHANGE =
      "normal 95%, two means of daily values, widened for AR(1) autocorrelation";

  private Did() {}

  /** Count, sum and sum of squares of one cell (one arm, one period). */
  record Stats(long n, double sum, double sumSq) {
    static final Stats EMPTY = new Stats(0, 0, 0);

    Stats add(double v) {
      return new Stats(n + 1, sum + v, sumSq + v * v);
    }

    Stats plus(long count, double valueSum, double valueSumSq) {
      return new Stats(n + count, sum + valueSum, sumSq + valueSumSq);
    }

    Double mean() {
      return n == 0 ? null : sum / n;
    }

    /** Sample variance (n − 1); 0 for a single value. */
    double variance() {
      if (n < 2) {
        return 0;
      }
      double m = sum / n;
      return Math.max(0, (sumSq - n * m * m) / (n - 1));
    }

    /** The number of ones when the values are 0/1. */
    long hits() {
      return Math.round(sum);
    }
  }

  /**
   * DiD of four shares. The point estimate uses the raw shares; the variance uses (x+1)/(n+2) in
   * place of x/n (Agresti–Caffo), so a cell with no hits still carries uncertainty instead of a
   * zero-width interval.
   */
  static Effect proportions(Stats a0, Stats a1, Stats u0, Stats u1) {
    double estimate = (a1.mean() - a0.mean()) - (u1.mean() - u0.mean());
    double variance = shareVariance(a0) + shareVariance(a1) + shareVariance(u0) + shareVariance(u1);
    double half = Z95 * Math.sqrt(variance);
    return new Effect(estimate, estimate - half, estimate + half, TWO_PROPORTION);
  }

  private static double shareVariance(Stats s) {
    double p = (s.hits() + 1.0) / (s.n() + 2.0);
    return p * (1 - p) / s.n();
  }

  /** DiD of four means (average rating), each mean's variance its sample variance over n. */
  static Effect means(Stats a0, Stats a1, Stats u0, Stats u1) {
    double estimate = (a1.mean() - a0.mean()) - (u1.mean() - u0.mean());
    double variance =
        a0.variance() / a0.n()
            + a1.variance() / a1.n()
            + u0.variance() / u0.n()
            + u1.variance() / u1.n();
    double half = Z95 * Math.sqrt(variance);
    return new Effect(estimate, estimate - half, estimate + half, FOUR_MEANS);
  }

  /**
   * DiD with products as the units: each product's change (its mean after minus its mean before),
   * the affected products' mean change minus the unaffected products' mean change. Days of one
   * product are not independent (an affiliate active today is likely active tomorrow); products are
   * closer to it. With two or more affected products a Welch t interval; with one, a prediction
   * interval: how far one more unaffected product's change could fall from the unaffected mean.
   * Needs two unaffected products.
   */
  static Effect unitChanges(double[] affected, double[] unaffected) {
    Stats a = stats(affected);
    Stats u = stats(unaffected);
    double estimate = a.mean() - u.mean();
    if (a.n() == 1) {
      double se = Math.sqrt(u.variance() * (1 + 1.0 / u.n()));
      double half = t95(u.n() - 1) * se;
      return new Effect(estimate, estimate - half, estimate + half, ONE_UNIT);
    }
    double va = a.variance() / a.n();
    double vu = u.variance() / u.n();
    double se = Math.sqrt(va + vu);
    double df =
        va + vu == 0
            ? a.n() + u.n() - 2
            : (va + vu) * (va + vu) / (va * va / (a.n() - 1) + vu * vu / (u.n() - 1));
    double half = t95(df) * se;
    return new Effect(estimate, estimate - half, estimate + half, UNIT_CHANGES);
  }

  /**
   * A shop-level change (after mean minus before mean of daily values). Days follow each other, so
   * the variance is widened by the AR(1) factor of the deviations from each period's mean, as the
   * counterfactual does.
   */
  static Effect shopChange(double[] before, double[] after) {
    Stats b = stats(before);
    Stats a = stats(after);
    double estimate = a.mean() - b.mean();
    double[] deviations = new double[before.length + after.length];
    for (int i = 0; i < before.length; i++) {
      deviations[i] = before[i] - b.mean();
    }
    for (int i = 0; i < after.length; i++) {
      deviations[before.length + i] = after[i] - a.mean();
    }
    double factor = Counterfactual.ar1VarianceFactor(deviations);
    double half = Z95 * Math.sqrt((b.variance() / b.n() + a.variance() / a.n()) * factor);
    return new Effect(estimate, estimate - half, estimate + half, SHOP_CHANGE);
  }

  static Stats stats(double[] values) {
    Stats s = Stats.EMPTY;
    for (double v : values) {
      s = s.add(v);
    }
    return s;
  }

  static double t95(double df) {
    return new TDistribution(Math.max(df, 1)).inverseCumulativeProbability(0.975);
  }
}
