package app.rebound.analysis;

import java.util.Arrays;

/**
 * Synthetic-control weights (Abadie, Diamond & Hainmueller 2010): non-negative weights summing to
 * one over the control products, each product scaled to its pre-period mean, that best follow the
 * affected product's scaled pre-period path. A ridge term keeps the weights spread when controls
 * are alike, and no control may carry more than {@link #CAP}: one donor's own shocks should not
 * drive the estimate. Solved by projected gradient on the capped simplex.
 */
final class SyntheticControl {

  /** The largest weight one control may get. */
  static final double CAP = 0.5;

  /** Ridge penalty, relative to the mean squared scaled series. */
  static final double RIDGE = 0.05;

  private SyntheticControl() {}

  /**
   * @param controls per control, its pre-period series
   * @param target the affected product's pre-period series
   * @return one weight per control (all equal when nothing can be fitted)
   */
  static double[] weights(double[][] controls, double[] target) {
    int k = controls.length;
    if (k == 0) {
      return new double[0];
    }
    double cap = Math.max(CAP, 1.0 / k);
    double[][] c = new double[k][];
    for (int j = 0; j < k; j++) {
      c[j] = scaled(controls[j]);
    }
    double[] y = scaled(target);
    int n = y.length;
    // Gram matrix and cross products: the objective is (1/n)|y - Cw|^2 + RIDGE |w|^2.
    double[][] gram = new double[k][k];
    double[] cross = new double[k];
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        double s = 0;
        for (int t = 0; t < n; t++) {
          s += c[i][t] * c[j][t];
        }
        gram[i][j] = s / n;
        gram[j][i] = s / n;
      }
      double s = 0;
      for (int t = 0; t < n; t++) {
        s += c[i][t] * y[t];
      }
      cross[i] = s / n;
      gram[i][i] += RIDGE;
    }
    double lipschitz = 0;
    for (int i = 0; i < k; i++) {
      double row = 0;
      for (int j = 0; j < k; j++) {
        row += Math.abs(gram[i][j]);
      }
      lipschitz = Math.max(lipschitz, row);
    }
    double step = 1 / Math.max(lipschitz, 1e-9);
    double[] w = new double[k];
    Arrays.fill(w, 1.0 / k);
    for (int iteration = 0; iteration < 500; iteration++) {
      double[] next = new double[k];
      for (int i = 0; i < k; i++) {
        double gradient = -cross[i];
        for (int j = 0; j < k; j++) {
          gradient += gram[i][j] * w[j];
        }
        next[i] = w[i] - step * gradient;
      }
      next = projectOntoCappedSimplex(next, cap);
      double change = 0;
      for (int i = 0; i < k; i++) {
        change = Math.max(change, Math.abs(next[i] - w[i]));
      }
      w = next;
      if (change < 1e-7) {
        break;
      }
    }
    return w;
  }

  /** The series divided by its mean (a product that never sold stays at zero). */
  static double[] scaled(double[] series) {
    double mean = Arrays.stream(series).average().orElse(0);
    double[] out = new double[series.length];
    for (int t = 0; t < out.length; t++) {
      out[t] = mean > 0 ? series[t] / mean : 0;
    }
    return out;
  }

  /**
   * The nearest point with weights in [0, cap] summing to one: clip(v − τ) with τ found by
   * bisection.
   */
  static double[] projectOntoCappedSimplex(double[] v, double cap) {
    double low = Arrays.stream(v).min().orElse(0) - cap - 1;
    double high = Arrays.stream(v).max().orElse(0) + 1;
    for (int i = 0; i < 100; i++) {
      double tau = (low + high) / 2;
      double sum = 0;
      for (double x : v) {
        sum += Math.max(0, Math.min(cap, x - tau));
      }
      if (sum > 1) {
        low = tau;
      } else {
        high = tau;
      }
    }
    double tau = (low + high) / 2;
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.max(0, Math.min(cap, v[i] - tau));
    }
    return out;
  }
}
