package app.rebound.sim;

import java.util.Arrays;
import java.util.HashSet;
import java.util.SplittableRandom;

/**
 * Seeded random draws. Every product-day gets its own generator derived from (seed, stream,
 * product, day), so a draw never depends on the order things are generated in, and the
 * counterfactual traffic of a seed is the same whatever the scenario or effect size.
 */
final class Draws {

  /** Independent streams of randomness, one per purpose. */
  enum Stream {
    PLAN,
    SHOP,
    NOISE,
    COUNTS,
    THIN,
    AMOUNTS,
    ORDERS,
    FAKES,
    PICKS,
    AFFILIATES,
    SCORES,
    IDS,
    CAUSES,
    PLATFORM
  }

  private Draws() {}

  static SplittableRandom rng(long seed, Stream stream, int a, int b) {
    long h = mix(seed + 0x9E3779B97F4A7C15L * (stream.ordinal() + 1));
    h = mix(h + 0xC2B2AE3D27D4EB4FL * (a + 1L));
    h = mix(h + 0x165667B19E3779F9L * (b + 1L));
    return new SplittableRandom(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static double uniform(SplittableRandom r, double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  static double logNormal(SplittableRandom r, double median, double sigma) {
    return median * Math.exp(sigma * r.nextGaussian());
  }

  /**
   * Poisson count; exact below 40, normal approximation above (the difference is invisible there).
   */
  static int poisson(SplittableRandom r, double lambda) {
    if (!(lambda > 0)) {
      return 0;
    }
    if (lambda < 40) {
      double limit = Math.exp(-lambda);
      double p = r.nextDouble();
      int k = 0;
      while (p > limit) {
        k++;
        p *= r.nextDouble();
      }
      return k;
    }
    long k = Math.round(lambda + Math.sqrt(lambda) * r.nextGaussian());
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, k));
  }

  /**
   * Binomial count in [0, n]; exact for small n or small means, normal approximation for large
   * ones.
   */
  static int binomial(SplittableRandom r, int n, double p) {
    if (n <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (p > 0.5) {
      return n - binomial(r, n, 1 - p);
    }
    if (n <= 40) {
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (r.nextDouble() < p) {
          k++;
        }
      }
      return k;
    }
    double mean = n * p;
    if (mean < 25) {
      double s = p / (1 - p);
      double a = (n + 1) * s;
      double f = Math.exp(n * Math.log1p(-p));
      double u = r.nextDouble();
      int k = 0;
      while (u > f && k < n) {
        u -= f;
        k++;
        f *= a / k - s;
      }
      return k;
    }
    long k = Math.round(mean + Math.sqrt(mean * (1 - p)) * r.nextGaussian());
    return (int) Math.max(0, Math.min(n, k));
  }

  /** Gamma(shape, 1) for shape >= 1 (Marsaglia and Tsang). */
  static double gamma(SplittableRandom r, double shape) {
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = r.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = r.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  /** k distinct values from [0, n), sorted (Floyd's algorithm). */
  static int[] distinct(SplittableRandom r, int n, int k) {
    k = Math.min(k, n);
    HashSet<Integer> chosen = new HashSet<>();
    for (int j = n - k; j < n; j++) {
      int t = r.nextInt(j + 1);
      if (!chosen.add(t)) {
        chosen.add(j);
      }
    }
    int[] out = chosen.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(out);
    return out;
  }

  /** Index drawn with the given (unnormalised) weights. */
  static int weighted(SplittableRandom r, double[] cumulative) {
    double u = r.nextDouble() * cumulative[cumulative.length - 1];
    int i = Arrays.binarySearch(cumulative, u);
    i = i < 0 ? -i - 1 : i + 1;
    return Math.min(i, cumulative.length - 1);
  }

  static double[] cumulative(double... weights) {
    double[] c = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      c[i] = sum;
    }
    return c;
  }
}
