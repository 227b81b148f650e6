package app.rebound.analysis;

import java.util.Arrays;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.vector.constrained.ADMMQPOptimizer;
import org.hipparchus.optim.nonlinear.vector.constrained.LinearBoundedConstraint;
import org.hipparchus.optim.nonlinear.vector.constrained.LinearEqualityConstraint;
import org.hipparchus.optim.nonlinear.vector.constrained.QuadraticFunction;

/**
 * The synthetic control's weights (Abadie, Diamond and Hainmueller 2010): non-negative, summing to
 * one, chosen so the controls' weighted weekly path matches the affected product's over the
 * pre-period, each series scaled to its own mean. A ridge penalty pulls the weights towards the
 * controls' shares of sales, the plain sum of the unaffected products: with few weeks or noisy
 * controls the weights stay near it, and a control earns more weight only by tracking the product
 * week after week (a category's own season, say). Solved as a quadratic programme by Hipparchus's
 * ADMM solver.
 */
final class SyntheticWeights {

  /**
   * The least penalty for moving the weights away from the sales shares: moving them as far as the
   * shares are long costs at least as much as a lasting 10% gap between the weekly paths (0.1² =
   * 0.01), and at least the variance of the product's weekly means. Judgement, checked on the
   * accuracy benchmark.
   */
  static final double RIDGE = 0.01;

  private SyntheticWeights() {}

  /**
   * @param y the affected series
   * @param scaled the controls, each divided by its mean over [start, end)
   * @param volumes each control's sales over [start, end)
   * @return one weight per control
   */
  static double[] of(double[] y, double[][] scaled, double[] volumes, int start, int end) {
    int k = scaled.length;
    double[] shares = shares(volumes);
    int weeks = (end - start) / 7;
    if (k == 1 || weeks < 2) {
      return shares;
    }
    // Weekly means, the last week ending the day before the deletion.
    double[] target = new double[weeks];
    double[][] z = new double[weeks][k];
    for (int w = 0; w < weeks; w++) {
      for (int d = end - 7 * (w + 1); d < end - 7 * w; d++) {
        target[w] += y[d] / 7;
        for (int j = 0; j < k; j++) {
          z[w][j] += scaled[j][d] / 7;
        }
      }
    }
    double mean = 0;
    for (double v : target) {
      mean += v / weeks;
    }
    if (mean <= 0) {
      return shares;
    }
    double norm = 0;
    for (double s : shares) {
      norm += s * s;
    }
    // The penalty is measured against the noise of the product's weekly means (the scatter of its
    // days within each week, over seven days): where a week's mean is mostly noise, the weights
    // stay at the shares; where the weekly path is clear, a mix that follows it can earn its
    // weight.
    double noise = 0;
    for (int w = 0; w < weeks; w++) {
      double var = 0;
      for (int d = end - 7 * (w + 1); d < end - 7 * w; d++) {
        var += Math.pow(y[d] - target[w], 2) / 6;
      }
      noise += var / 7 / (mean * mean) / weeks;
    }
    double ridge = Math.max(RIDGE, noise) / norm;
    // ½ wᵀPw + qᵀw with P = 2(ZᵀZ/W + ridge I), q = −2(Zᵀu/W + ridge shares).
    double[][] p = new double[k][k];
    double[] q = new double[k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double s = 0;
        for (int w = 0; w < weeks; w++) {
          s += z[w][i] * z[w][j];
        }
        p[i][j] = 2 * s / weeks + (i == j ? 2 * ridge : 0);
      }
      double s = 0;
      for (int w = 0; w < weeks; w++) {
        s += z[w][i] * target[w] / mean;
      }
      q[i] = -2 * (s / weeks + ridge * shares[i]);
    }
    double[][] ones = new double[1][k];
    Arrays.fill(ones[0], 1);
    RealVector x =
        new ADMMQPOptimizer()
            .optimize(
                new ObjectiveFunction(new QuadraticFunction(p, q, 0)),
                new LinearEqualityConstraint(ones, new double[] {1}),
                new LinearBoundedConstraint(
                    MatrixUtils.createRealIdentityMatrix(k).getData(), new double[k], filled(k, 1)))
            .getX();
    double[] weights = new double[k];
    double sum = 0;
    for (int j = 0; j < k; j++) {
      weights[j] = Double.isFinite(x.getEntry(j)) ? Math.max(0, x.getEntry(j)) : 0;
      sum += weights[j];
    }
    if (!(sum > 0)) {
      return shares;
    }
    for (int j = 0; j < k; j++) {
      weights[j] /= sum;
    }
    return weights;
  }

  private static double[] shares(double[] volumes) {
    double total = 0;
    for (double v : volumes) {
      total += v;
    }
    double[] shares = new double[volumes.length];
    for (int j = 0; j < volumes.length; j++) {
      shares[j] = total > 0 ? volumes[j] / total : 1.0 / volumes.length;
    }
    return shares;
  }

  private static double[] filled(int n, double value) {
    double[] a = new double[n];
    Arrays.fill(a, value);
    return a;
  }
}
