package app.rebound.analysis;

import org.hipparchus.filtering.kalman.Measurement;
import org.hipparchus.filtering.kalman.ProcessEstimate;
import org.hipparchus.filtering.kalman.linear.LinearEvolution;
import org.hipparchus.filtering.kalman.linear.LinearKalmanFilter;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposer;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;

/**
 * A structural time-series model on one series (Durbin & Koopman 2012, ch. 2–3 and 7): y_t =
 * level_t + z_t·β + ε_t, level_t = level_{t−1} (+ slope_{t−1}) + η_t, with the regression
 * coefficients β as static states, so their uncertainty is carried by the filter. Variances by
 * maximum likelihood: the observation variance is concentrated out, the signal-to-noise ratios of
 * the level (and the slope) are searched on a log scale with Hipparchus' Brent optimiser, the
 * level's first, then the slope's given the level's. Filtering by Hipparchus' linear Kalman filter.
 * The model is fitted once on the pre-period; the filtered state of every day is kept, so forecasts
 * from any earlier origin reuse the same fit.
 */
final class StateSpaceFit {

  /** A diffuse-enough prior variance for the initial states, on the log1p scale of the series. */
  private static final double PRIOR_VARIANCE = 1e4;

  /** A local slope is kept only when it raises the log-likelihood by this (χ²₁ 95%, halved). */
  private static final double TREND_GAIN = 1.92;

  /**
   * The slope is searched only with this many days: a shorter history cannot tell it from noise.
   */
  static final int MIN_DAYS_FOR_TREND = 42;

  final boolean trend;
  final int states;
  final double levelRatio;
  final double slopeRatio;

  /** The observation variance (the concentrated MLE). */
  final double sigma2;

  final double logLikelihood;

  /** Filtered state and covariance (in units of sigma2) after each pre-period day. */
  final double[][] filteredState;

  final double[][][] filteredCovariance;

  /** One-step-ahead prediction and its variance (units of sigma2) of each pre-period day. */
  final double[] oneStep;

  final double[] oneStepVariance;

  /** Innovations divided by their standard deviation; NaN during the diffuse start. */
  final double[] standardized;

  private StateSpaceFit(
      boolean trend,
      int states,
      double levelRatio,
      double slopeRatio,
      double sigma2,
      double logLikelihood,
      Pass pass) {
    this.trend = trend;
    this.states = states;
    this.levelRatio = levelRatio;
    this.slopeRatio = slopeRatio;
    this.sigma2 = sigma2;
    this.logLikelihood = logLikelihood;
    this.filteredState = pass.state;
    this.filteredCovariance = pass.covariance;
    this.oneStep = pass.oneStep;
    this.oneStepVariance = pass.oneStepVariance;
    this.standardized = new double[pass.innovation.length];
    for (int t = 0; t < standardized.length; t++) {
      standardized[t] =
          t < states ? Double.NaN : pass.innovation[t] / Math.sqrt(sigma2 * pass.innovationVar[t]);
    }
  }

  /** The index of the slope state, or -1; regressors start at {@link #firstRegressor()}. */
  int firstRegressor() {
    return trend ? 2 : 1;
  }

  /**
   * Fits the model on y[0..n) with regressors x[t] (one row per day, possibly empty), choosing a
   * slope only where the likelihood supports it.
   */
  static StateSpaceFit fit(double[] y, double[][] x) {
    StateSpaceFit level = fitLevel(y, x);
    if (y.length < MIN_DAYS_FOR_TREND) {
      return level;
    }
    StateSpaceFit trend = fitTrend(y, x, level.levelRatio);
    return trend.logLikelihood > level.logLikelihood + TREND_GAIN ? trend : level;
  }

  private static StateSpaceFit fitLevel(double[] y, double[][] x) {
    BrentOptimizer brent = new BrentOptimizer(1e-3, 1e-2);
    double best =
        brent
            .optimize(
                new MaxEval(200),
                GoalType.MAXIMIZE,
                new SearchInterval(-12, 3, -3),
                new UnivariateObjectiveFunction(r -> run(y, x, false, Math.exp(r), 0).logLik()))
            .getPoint();
    return finish(y, x, false, Math.exp(best), 0);
  }

  /**
   * The slope's ratio searched with the level's held at its level-only MLE: one search, not two.
   */
  private static StateSpaceFit fitTrend(double[] y, double[][] x, double levelRatio) {
    double best =
        new BrentOptimizer(1e-3, 1e-2)
            .optimize(
                new MaxEval(100),
                GoalType.MAXIMIZE,
                new SearchInterval(-14, 0, -8),
                new UnivariateObjectiveFunction(
                    r -> run(y, x, true, levelRatio, Math.exp(r)).logLik()))
            .getPoint();
    return finish(y, x, true, levelRatio, Math.exp(best));
  }

  private static double clamp(double logRatio) {
    return Math.max(-14, Math.min(4, logRatio));
  }

  private static StateSpaceFit finish(
      double[] y, double[][] x, boolean trend, double levelRatio, double slopeRatio) {
    Pass pass = run(y, x, trend, levelRatio, slopeRatio);
    return new StateSpaceFit(
        trend, pass.states, levelRatio, slopeRatio, pass.sigma2(), pass.logLik(), pass);
  }

  /** The regressors and the observed value of one day, as Hipparchus' filter reads them. */
  private record Day(int t, RealVector value, RealMatrix covariance) implements Measurement {
    @Override
    public double getTime() {
      return t;
    }

    @Override
    public RealVector getValue() {
      return value;
    }

    @Override
    public RealMatrix getCovariance() {
      return covariance;
    }
  }

  /** One filter pass with the observation variance fixed at 1 (it is concentrated out). */
  private static Pass run(
      double[] y, double[][] x, boolean trend, double levelRatio, double slopeRatio) {
    int k = x.length == 0 ? 0 : x[0].length;
    int m = (trend ? 2 : 1) + k;
    RealMatrix transition = MatrixUtils.createRealIdentityMatrix(m);
    RealMatrix noise = new Array2DRowRealMatrix(m, m);
    noise.setEntry(0, 0, levelRatio);
    if (trend) {
      transition.setEntry(0, 1, 1);
      noise.setEntry(1, 1, slopeRatio);
    }
    RealMatrix[] design = new RealMatrix[y.length];
    for (int t = 0; t < y.length; t++) {
      double[] row = new double[m];
      row[0] = 1;
      if (k > 0) {
        System.arraycopy(x[t], 0, row, trend ? 2 : 1, k);
      }
      design[t] = MatrixUtils.createRowRealMatrix(row);
    }
    double[] start = new double[m];
    start[0] = y.length == 0 ? 0 : y[0];
    RealMatrix prior = MatrixUtils.createRealIdentityMatrix(m).scalarMultiply(PRIOR_VARIANCE);
    LinearKalmanFilter<Day> filter =
        new LinearKalmanFilter<>(
            new CholeskyDecomposer(1e-15, 1e-15),
            day -> new LinearEvolution(transition, null, null, noise, design[day.t()]),
            new ProcessEstimate(-1, new ArrayRealVector(start), prior));
    RealMatrix one = MatrixUtils.createRealIdentityMatrix(1);
    Pass pass = new Pass(y.length, m);
    for (int t = 0; t < y.length; t++) {
      ProcessEstimate corrected =
          filter.estimationStep(new Day(t, new ArrayRealVector(new double[] {y[t]}), one));
      RealVector predicted = filter.getPredicted().getState();
      pass.oneStep[t] = design[t].operate(predicted).getEntry(0);
      pass.oneStepVariance[t] = corrected.getInnovationCovariance().getEntry(0, 0);
      pass.innovation[t] = y[t] - pass.oneStep[t];
      pass.innovationVar[t] = pass.oneStepVariance[t];
      pass.state[t] = corrected.getState().toArray();
      pass.covariance[t] = corrected.getCovariance().getData();
    }
    return pass;
  }

  /** What one pass of the filter leaves: states, one-step predictions and innovations. */
  private static final class Pass {
    final int states;
    final double[][] state;
    final double[][][] covariance;
    final double[] oneStep;
    final double[] oneStepVariance;
    final double[] innovation;
    final double[] innovationVar;

    Pass(int n, int states) {
      this.states = states;
      state = new double[n][];
      covariance = new double[n][][];
      oneStep = new double[n];
      oneStepVariance = new double[n];
      innovation = new double[n];
      innovationVar = new double[n];
    }

    /** The concentrated MLE of the observation variance, over the days after the diffuse start. */
    double sigma2() {
      double sum = 0;
      int used = 0;
      for (int t = states; t < innovation.length; t++) {
        sum += innovation[t] * innovation[t] / innovationVar[t];
        used++;
      }
      return used == 0 ? 1e-6 : Math.max(sum / used, 1e-6);
    }

    /**
     * The concentrated diffuse log-likelihood (Durbin & Koopman §2.10, §7.2), constants dropped.
     */
    double logLik() {
      double logDet = 0;
      int used = 0;
      for (int t = states; t < innovation.length; t++) {
        logDet += Math.log(innovationVar[t]);
        used++;
      }
      return -0.5 * (used * Math.log(sigma2()) + logDet);
    }
  }
}
