package app.rebound.analysis;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * The counterfactual engine, one for every daily series (visitors, impressions, buyers, GMV, an
 * action's effect), in the spirit of CausalImpact (Brodersen et al. 2015): on a count scale (log1p,
 * or the square root for series with many zero days, see {@link Scale}), the affected series
 * follows a local level (and a slope where the likelihood supports one, see {@link StateSpaceFit})
 * plus a synthetic control of the unaffected products ({@link SyntheticControl}), weekday effects
 * and the big sale days ({@link SaleDays}). Fitted once on the pre-period; the post-period is
 * predicted by posterior-predictive simulation with the observation variance and the states
 * (coefficients and level) drawn, the daily noise resampled from the pre-period's own errors,
 * jointly over the products deleted together (shared shocks drawn once per draw), predictions
 * clipped at zero. The same fit is then asked to predict many windows of the shop's own history
 * where nothing happened ({@link Calibration}); when its 95% range held less often than it should
 * there, the range is widened (split conformal).
 */
public final class Counterfactual {

  /** Fewer pre-period days than this cannot pin a weekly pattern (each weekday at least twice). */
  public static final int MIN_PRE_DAYS = 14;

  /** Posterior draws of each estimate; fixed seed, so two runs give the same numbers. */
  static final int DRAWS = 1000;

  static final int CALIBRATION_DRAWS = 300;
  static final long SEED = 13;

  /** At most this many pseudo-deletion dates, and at least this many to calibrate at all. */
  static final int MAX_FOLDS = 24;

  static final int MIN_FOLDS = 8;

  private Counterfactual() {}

  /**
   * How the pre-period was explained and how the method did on the shop's own history.
   *
   * @param rSquared share of the day-to-day movement the one-step-ahead predictions explain
   * @param residualSd standard deviation of the one-step-ahead errors, in the series' unit
   * @param mape mean absolute percentage error of the one-step-ahead predictions (days with sales;
   *     null when it sold on none)
   * @param weak fewer than 2 usable controls: the estimate rests mostly on the product's own
   *     history
   * @param trend whether a local slope was kept
   */
  public record Fit(
      int preDays,
      int postDays,
      int controls,
      double rSquared,
      double residualSd,
      Double mape,
      boolean weak,
      boolean trend,
      Calibration calibration) {}

  /**
   * The estimator at pseudo-deletion dates inside the pre-period, same horizon.
   *
   * @param folds dates tried (0 when the history is too short for one full window before each)
   * @param held how often the model's 95% range of the loss held zero there
   * @param widening the factor the range was widened by (1: not widened)
   */
  public record Calibration(int folds, int held, double widening) {
    public boolean calibrated() {
      return folds >= MIN_FOLDS;
    }

    /** The plain sentence the merchant reads beside the estimate. */
    public String sentence(boolean zh) {
      if (!calibrated()) {
        return zh
            ? "历史太短，无法在您自己的历史上检验本方法；显示的是模型区间"
            : "your history is too short to test this method on your own past; the model's range is"
                + " shown as it is";
      }
      String widened =
          widening > 1.0001
              ? zh
                  ? String.format("，区间已放宽 %.2f 倍", widening)
                  : String.format(
                      "; the range was widened %.2f times to hold as often as stated", widening)
              : "";
      return zh
          ? String.format("在您历史上 %d 个未发生任何事的日期，本方法的95%%区间有 %d 次成立%s", folds, held, widened)
          : String.format(
              "on %d dates in your own history where nothing happened, this method's 95%% range"
                  + " held %d times%s",
              folds, held, widened);
    }
  }

  /**
   * The estimate. Positive loss means the series fell below its counterfactual.
   *
   * @param predicted counterfactual per day (pre-period: one-step-ahead prediction), never below 0
   * @param low lower 95% bound of the counterfactual per day, never below 0
   * @param high upper 95% bound per day
   * @param lossDraws the posterior draws of the cumulative loss (for the shop total)
   * @param controlNames the controls the synthetic control was built from, with their weights
   */
  public record Estimate(
      List<LocalDate> days,
      double[] actual,
      double[] predicted,
      double[] low,
      double[] high,
      int firstPostDay,
      double loss,
      double lossLow,
      double lossHigh,
      Fit fit,
      List<String> controlNames,
      double[] weights) {

    /** Whether the 95% interval of the cumulative loss excludes zero. */
    public boolean significant() {
      return lossLow > 0 || lossHigh < 0;
    }

    public double counterfactualTotal() {
      double sum = 0;
      for (int t = firstPostDay; t < predicted.length; t++) {
        sum += predicted[t];
      }
      return sum;
    }
  }

  /** Either an estimate, or the plain reason none can be given. */
  public record Result(Estimate estimate, String refusal) {
    public boolean measured() {
      return estimate != null;
    }

    static Result refused(String reason) {
      return new Result(null, reason);
    }
  }

  /** The joint answer for products deleted together: each product's, and the total's. */
  public record Joint(
      List<Result> products,
      double loss,
      double lossLow,
      double lossHigh,
      double[] expected,
      double[] low,
      double[] high,
      Calibration calibration) {}

  /** One product's series and controls, ready for the joint estimate. */
  public record Input(
      List<LocalDate> days,
      double[] affected,
      List<String> controlNames,
      double[][] controls,
      int firstPostDay,
      boolean pooled) {}

  /**
   * A single series against its controls (a joint estimate of one).
   *
   * @param pooled whether one control stands for many products (not a weak estimate then)
   */
  public static Result estimate(
      List<LocalDate> days,
      double[] affected,
      List<String> controlNames,
      double[][] controls,
      int firstPostDay,
      boolean pooled) {
    return jointly(List.of(new Input(days, affected, controlNames, controls, firstPostDay, pooled)))
        .products()
        .get(0);
  }

  /** Each product's estimate and the total's, from one joint simulation. */
  public static Joint jointly(List<Input> inputs) {
    List<Result> results = new ArrayList<>();
    List<Model> models = new ArrayList<>();
    for (Input in : inputs) {
      String refusal = refusal(in);
      if (refusal != null) {
        results.add(Result.refused(refusal));
        models.add(null);
      } else {
        models.add(Model.fit(in));
        results.add(null);
      }
    }
    List<Model> fitted = models.stream().filter(m -> m != null).toList();
    int n = inputs.isEmpty() ? 0 : inputs.get(0).days().size();
    if (fitted.isEmpty()) {
      return new Joint(
          results, 0, 0, 0, new double[n], new double[n], new double[n], new Calibration(0, 0, 1));
    }
    double rho = sharedShockCorrelation(fitted);
    Calibration calibration = calibrate(fitted, rho, -1);
    int[] origins = fitted.stream().mapToInt(m -> m.pre).toArray();
    int[] ends = fitted.stream().mapToInt(m -> m.n).toArray();
    Simulation sim = simulate(fitted, rho, origins, ends, DRAWS, true);
    double[] total = new double[DRAWS];
    double[][] shopDay = new double[n][DRAWS];
    int f = 0;
    for (int i = 0; i < models.size(); i++) {
      Model m = models.get(i);
      if (m == null) {
        continue;
      }
      Calibration own = fitted.size() == 1 ? calibration : calibrate(fitted, rho, f);
      results.set(i, new Result(m.estimate(sim, f, own), null));
      for (int k = 0; k < DRAWS; k++) {
        total[k] += sim.loss[f][k];
      }
      for (int t = 0; t < n; t++) {
        for (int k = 0; k < DRAWS; k++) {
          shopDay[t][k] += t < m.pre ? m.expectedPre(t) : sim.days[f][t - m.pre][k];
        }
      }
      f++;
    }
    double[] expected = new double[n];
    double[] low = new double[n];
    double[] high = new double[n];
    for (int t = 0; t < n; t++) {
      double[] d = shopDay[t];
      expected[t] = mean(d);
      Arrays.sort(d);
      low[t] = Math.max(0, quantile(d, 0.025));
      high[t] = quantile(d, 0.975);
    }
    double point = median(total);
    double[] range = widened(total, point, calibration);
    return new Joint(results, point, range[0], range[1], expected, low, high, calibration);
  }

  private static String refusal(Input in) {
    int n = in.affected().length;
    if (in.firstPostDay() < MIN_PRE_DAYS) {
      return "only "
          + Math.max(0, in.firstPostDay())
          + " day(s) of data before the deletion; at least "
          + MIN_PRE_DAYS
          + " are needed";
    }
    if (in.firstPostDay() >= n) {
      return "no data after the deletion yet";
    }
    return null;
  }

  /** The 95% range of the draws, widened around the point by the calibration's factor. */
  private static double[] widened(double[] draws, double point, Calibration calibration) {
    double[] sorted = draws.clone();
    Arrays.sort(sorted);
    double low = quantile(sorted, 0.025);
    double high = quantile(sorted, 0.975);
    double c = calibration.widening();
    return new double[] {point - c * (point - low), point + c * (high - point)};
  }

  /**
   * Pseudo-deletion dates inside the pre-period: the same fitted models predict a window of the
   * same length ending before each product's real deletion, with a full window of history before
   * it. The errors there, where nothing happened, say how often the 95% range holds; split
   * conformal widening (the ⌈0.95(n+1)⌉-th smallest ratio of error to half-width) when it held less
   * often than it should.
   *
   * @param only the index (among models) of the product to calibrate alone, or -1 for the total
   */
  static Calibration calibrate(List<Model> models, double rho, int only) {
    List<Model> used = only < 0 ? models : List.of(models.get(only));
    int room = Integer.MAX_VALUE;
    for (Model m : used) {
      int horizon = m.n - m.pre;
      int earliest = Math.max(horizon, MIN_PRE_DAYS);
      room = Math.min(room, m.pre - horizon - earliest + 1);
    }
    if (room < MIN_FOLDS) {
      return new Calibration(0, 0, 1);
    }
    int folds = Math.min(MAX_FOLDS, room);
    double[] scores = new double[folds];
    int held = 0;
    for (int f = 0; f < folds; f++) {
      int offset = (int) Math.round(f * (room - 1) / (double) Math.max(1, folds - 1));
      int[] origins = new int[used.size()];
      int[] ends = new int[used.size()];
      for (int i = 0; i < used.size(); i++) {
        Model m = used.get(i);
        ends[i] = m.pre - offset;
        origins[i] = ends[i] - (m.n - m.pre);
      }
      Simulation sim = simulate(used, rho, origins, ends, CALIBRATION_DRAWS, false);
      double[] total = new double[CALIBRATION_DRAWS];
      for (int i = 0; i < used.size(); i++) {
        for (int k = 0; k < CALIBRATION_DRAWS; k++) {
          total[k] += sim.loss[i][k];
        }
      }
      double point = median(total);
      Arrays.sort(total);
      double low = quantile(total, 0.025);
      double high = quantile(total, 0.975);
      if (low <= 0 && 0 <= high) {
        held++;
      }
      // How many times the half-width on the side of zero must grow to reach zero.
      double half = point > 0 ? point - low : high - point;
      scores[f] = half <= 0 ? Double.MAX_VALUE : Math.abs(point) / half;
    }
    Arrays.sort(scores);
    int k = (int) Math.ceil(0.95 * (folds + 1));
    double c = scores[Math.min(k, folds) - 1];
    return new Calibration(folds, held, Math.max(1, Math.min(c, 10)));
  }

  /**
   * The correlation of the products' standardized one-step errors on the days they share: the
   * shop-wide part of their shocks, drawn once per draw for every product.
   */
  static double sharedShockCorrelation(List<Model> models) {
    if (models.size() < 2) {
      return 0;
    }
    double sum = 0;
    int pairs = 0;
    for (int i = 0; i < models.size(); i++) {
      for (int j = i + 1; j < models.size(); j++) {
        double[] a = models.get(i).fit.standardized;
        double[] b = models.get(j).fit.standardized;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int t = 0; t < Math.min(a.length, b.length); t++) {
          if (!Double.isNaN(a[t]) && !Double.isNaN(b[t])) {
            sab += a[t] * b[t];
            saa += a[t] * a[t];
            sbb += b[t] * b[t];
          }
        }
        if (saa > 0 && sbb > 0) {
          sum += sab / Math.sqrt(saa * sbb);
          pairs++;
        }
      }
    }
    return pairs == 0 ? 0 : Math.max(0, Math.min(0.95, sum / pairs));
  }

  /** The draws of each model's loss over its window, and (when asked) of each window day. */
  record Simulation(double[][] loss, double[][][] days) {}

  /**
   * Posterior-predictive paths: per draw, the observation variance from its scaled inverse χ²
   * posterior, the state at the origin from its filtered distribution, then the level's and the
   * observation's shocks day by day, their shop-wide part (weight rho) shared by every product.
   */
  static Simulation simulate(
      List<Model> models, double rho, int[] origins, int[] ends, int draws, boolean keepDays) {
    RandomGenerator random = new Well19937c(SEED);
    int n = models.get(0).n;
    double[][] sharedLevel = new double[draws][n];
    double[][] sharedNoise = new double[draws][n];
    for (int k = 0; k < draws; k++) {
      for (int t = 0; t < n; t++) {
        sharedLevel[k][t] = random.nextGaussian();
        sharedNoise[k][t] = random.nextGaussian();
      }
    }
    double own = Math.sqrt(1 - rho);
    double shared = Math.sqrt(rho);
    double[][] loss = new double[models.size()][draws];
    double[][][] days = new double[models.size()][][];
    for (int i = 0; i < models.size(); i++) {
      Model m = models.get(i);
      StateSpaceFit fit = m.fit;
      int origin = origins[i];
      int end = ends[i];
      days[i] = keepDays ? new double[end - origin][draws] : null;
      double[] start = fit.filteredState[origin - 1];
      RealMatrix root = root(fit.filteredCovariance[origin - 1]);
      int dof = Math.max(1, m.pre - fit.states);
      int states = start.length;
      int slope = fit.trend ? 1 : -1;
      for (int k = 0; k < draws; k++) {
        double chi = 0;
        for (int d = 0; d < dof; d++) {
          double z = random.nextGaussian();
          chi += z * z;
        }
        double sigma2 = fit.sigma2 * dof / Math.max(chi, 1e-9);
        double sd = Math.sqrt(sigma2);
        double[] z = new double[states];
        for (int s = 0; s < states; s++) {
          z[s] = random.nextGaussian();
        }
        double[] x = start.clone();
        for (int r = 0; r < states; r++) {
          double v = 0;
          for (int c = 0; c <= r; c++) {
            v += root.getEntry(r, c) * z[c];
          }
          x[r] += sd * v;
        }
        double sum = 0;
        for (int t = origin; t < end; t++) {
          if (slope > 0) {
            x[0] += x[slope];
            x[slope] += sd * Math.sqrt(fit.slopeRatio) * random.nextGaussian();
          }
          x[0] +=
              sd
                  * Math.sqrt(fit.levelRatio)
                  * (shared * sharedLevel[k][t] + own * random.nextGaussian());
          double y = x[0] + m.offset[t];
          double[] row = m.regressors[t];
          for (int j = 0; j < row.length; j++) {
            y += row[j] * x[fit.firstRegressor() + j];
          }
          y += sd * (shared * sharedNoise[k][t] + own * m.noise(random));
          double predicted = m.scale.inverse(Math.min(y, m.ceiling));
          sum += predicted - m.actual[t];
          if (keepDays) {
            days[i][t - origin][k] = predicted;
          }
        }
        loss[i][k] = sum;
      }
    }
    return new Simulation(loss, days);
  }

  /** A lower-triangular square root of a covariance (symmetrized, jittered when needed). */
  private static RealMatrix root(double[][] covariance) {
    RealMatrix p = MatrixUtils.createRealMatrix(covariance);
    p = p.add(p.transpose()).scalarMultiply(0.5);
    for (double jitter = 1e-10; ; jitter *= 100) {
      try {
        RealMatrix q = p.copy();
        for (int i = 0; i < q.getRowDimension(); i++) {
          q.addToEntry(i, i, jitter);
        }
        return new CholeskyDecomposition(q, 1e-6, 0).getL();
      } catch (RuntimeException e) {
        if (jitter > 1) {
          RealMatrix diagonal = MatrixUtils.createRealIdentityMatrix(p.getRowDimension());
          for (int i = 0; i < p.getRowDimension(); i++) {
            diagonal.setEntry(i, i, Math.sqrt(Math.max(0, p.getEntry(i, i))));
          }
          return diagonal;
        }
      }
    }
  }

  /**
   * The scale the model works on: log1p, where the weekday pattern and the controls act as
   * multipliers, for series that sell most days; the square root (variance-stabilising for counts)
   * for series with many days at zero, where log1p would split the days into two clouds.
   */
  enum Scale {
    LOG1P,
    SQRT;

    /** A series with more than this share of zero days in its pre-period goes on the sqrt scale. */
    static final double ZERO_SHARE = 0.1;

    static Scale of(double[] pre) {
      long zeros = Arrays.stream(pre).filter(v -> v <= 0).count();
      return zeros > ZERO_SHARE * pre.length ? SQRT : LOG1P;
    }

    double forward(double v) {
      double x = Math.max(0, v);
      return this == LOG1P ? Math.log1p(x) : Math.sqrt(x);
    }

    /** Back to the series' unit, never below zero. */
    double inverse(double y) {
      return this == LOG1P ? Math.max(0, Math.expm1(y)) : y <= 0 ? 0 : y * y;
    }
  }

  /** One product's fitted model: its design, its Kalman fit and its synthetic control. */
  static final class Model {
    final Input input;
    final int n;
    final int pre;
    final double[] actual;
    final double[][] regressors;

    /**
     * The synthetic control on the model's scale, centred on its pre-period mean: an offset with
     * coefficient one, so the product follows the controls in full (a free coefficient shrinks
     * toward zero when the level can absorb part of the common movement, and a growing shop then
     * reads as a gain); the level models the product's own departure from them.
     */
    final double[] offset;

    final double[] weights;
    final StateSpaceFit fit;
    final Scale scale;

    /** The standardized one-step errors after the filter settled: the noise the draws resample. */
    final double[] pool;

    /**
     * No prediction above 20 times the best pre-period day (log scale): a guard against the
     * exponential of a far draw, not a limit any real path reaches.
     */
    final double ceiling;

    private Model(
        Input in,
        double[][] regressors,
        double[] offset,
        double[] weights,
        StateSpaceFit fit,
        Scale scale) {
      this.scale = scale;
      this.offset = offset;
      this.input = in;
      this.n = in.affected().length;
      this.pre = in.firstPostDay();
      this.actual = in.affected();
      this.regressors = regressors;
      this.weights = weights;
      this.fit = fit;
      double best = 0;
      for (int t = 0; t < pre; t++) {
        best = Math.max(best, actual[t]);
      }
      this.ceiling = scale.forward(20 * best);
      this.pool =
          Arrays.stream(fit.standardized, Math.min(pre, 2 * fit.states), pre)
              .filter(v -> !Double.isNaN(v))
              .toArray();
    }

    static Model fit(Input in) {
      int n = in.affected().length;
      int pre = in.firstPostDay();
      double[][] preControls = new double[in.controls().length][];
      for (int j = 0; j < preControls.length; j++) {
        preControls[j] = Arrays.copyOf(in.controls()[j], pre);
      }
      double[] weights = SyntheticControl.weights(preControls, Arrays.copyOf(in.affected(), pre));
      boolean hasControl = weights.length > 0;
      double[] synthetic = new double[n];
      double preMean = Arrays.stream(in.affected(), 0, pre).average().orElse(0);
      for (int j = 0; j < weights.length; j++) {
        double mean = Arrays.stream(preControls[j]).average().orElse(0);
        for (int t = 0; t < n && mean > 0; t++) {
          synthetic[t] += weights[j] * in.controls()[j][t] / mean * preMean;
        }
      }
      Scale scale = Scale.of(Arrays.copyOf(in.affected(), pre));
      double zMean = 0;
      for (int t = 0; t < pre; t++) {
        zMean += scale.forward(synthetic[t]) / pre;
      }
      boolean weekdays = pre >= 3 * 7;
      int saleDaysBefore = 0;
      for (int t = 0; t < pre; t++) {
        saleDaysBefore += SaleDays.isSaleDay(in.days().get(t)) ? 1 : 0;
      }
      boolean sale = saleDaysBefore >= 2;
      int k = (weekdays ? 6 : 0) + (sale ? 1 : 0);
      double[][] x = new double[n][k];
      double[] offset = new double[n];
      for (int t = 0; t < n; t++) {
        int c = 0;
        if (hasControl) {
          offset[t] = scale.forward(synthetic[t]) - zMean;
        }
        if (weekdays) {
          DayOfWeek dow = in.days().get(t).getDayOfWeek();
          if (dow != DayOfWeek.MONDAY) {
            x[t][c + dow.getValue() - 2] = 1;
          }
          c += 6;
        }
        if (sale) {
          x[t][c] = SaleDays.isSaleDay(in.days().get(t)) ? 1 : 0;
        }
      }
      double[] y = new double[pre];
      for (int t = 0; t < pre; t++) {
        y[t] = scale.forward(in.affected()[t]) - offset[t];
      }
      StateSpaceFit fit = StateSpaceFit.fit(y, Arrays.copyOf(x, pre));
      return new Model(in, x, offset, weights, fit, scale);
    }

    /**
     * A draw of the standardized daily noise: one of the pre-period's own standardized one-step
     * errors (a bootstrap), so zero days and heavy tails come back at the rate they happened
     * instead of as Gaussian noise whose back-transform would inflate the counterfactual.
     */
    double noise(RandomGenerator random) {
      return pool.length == 0 ? random.nextGaussian() : pool[random.nextInt(pool.length)];
    }

    /** The one-step-ahead prediction of a pre-period day, on the series' scale. */
    double expectedPre(int t) {
      return scale.inverse(fit.oneStep[t] + offset[t]);
    }

    Estimate estimate(Simulation sim, int index, Calibration calibration) {
      double[] predicted = new double[n];
      double[] low = new double[n];
      double[] high = new double[n];
      for (int t = 0; t < pre; t++) {
        double sd = Math.sqrt(fit.sigma2 * fit.oneStepVariance[t]);
        predicted[t] = expectedPre(t);
        low[t] = scale.inverse(fit.oneStep[t] + offset[t] - 1.96 * sd);
        high[t] = scale.inverse(fit.oneStep[t] + offset[t] + 1.96 * sd);
      }
      for (int t = pre; t < n; t++) {
        double[] d = sim.days[index][t - pre].clone();
        predicted[t] = mean(d);
        Arrays.sort(d);
        low[t] = Math.max(0, quantile(d, 0.025));
        high[t] = quantile(d, 0.975);
      }
      double point = median(sim.loss[index]);
      double[] range = widened(sim.loss[index], point, calibration);
      int controls = (int) Arrays.stream(weights).filter(w -> w > 1e-3).count();
      Fit f =
          new Fit(
              pre,
              n - pre,
              controls,
              rSquared(),
              residualSd(),
              mape(),
              controls < 2 && !(input.pooled() && controls == 1),
              fit.trend,
              calibration);
      return new Estimate(
          List.copyOf(input.days()),
          actual.clone(),
          predicted,
          low,
          high,
          pre,
          point,
          range[0],
          range[1],
          f,
          input.controlNames(),
          weights.clone());
    }

    /** The first day the fit quality counts: after twice as many days as the model has states. */
    private int settled() {
      return Math.min(pre - 1, 2 * fit.states);
    }

    private double rSquared() {
      double mean = 0;
      int used = 0;
      for (int t = settled(); t < pre; t++) {
        mean += actual[t];
        used++;
      }
      if (used == 0) {
        return 0;
      }
      mean /= used;
      double total = 0;
      double residual = 0;
      for (int t = settled(); t < pre; t++) {
        total += (actual[t] - mean) * (actual[t] - mean);
        double e = actual[t] - expectedPre(t);
        residual += e * e;
      }
      return total == 0 ? 0 : 1 - residual / total;
    }

    private double residualSd() {
      double sum = 0;
      int used = 0;
      for (int t = settled(); t < pre; t++) {
        double e = actual[t] - expectedPre(t);
        sum += e * e;
        used++;
      }
      return used == 0 ? 0 : Math.sqrt(sum / used);
    }

    private Double mape() {
      double sum = 0;
      int used = 0;
      for (int t = settled(); t < pre; t++) {
        if (actual[t] > 0) {
          sum += Math.abs(actual[t] - expectedPre(t)) / actual[t];
          used++;
        }
      }
      return used == 0 ? null : sum / used;
    }
  }

  /**
   * The point estimate of a loss: the median of its draws. Each draw already averages the daily
   * noise over the window; the median keeps the far draws of the level (which the back-transform to
   * counts blows up) from pulling the estimate up.
   */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return quantile(sorted, 0.5);
  }

  static double mean(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return values.length == 0 ? 0 : s / values.length;
  }

  /** The q-quantile of sorted values (linear between order statistics). */
  static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(sorted.length - 1, below + 1);
    double w = position - below;
    return sorted[below] * (1 - w) + sorted[above] * w;
  }
}
