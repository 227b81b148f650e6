package app.rebound.analysis;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * A counterfactual in the spirit of Google's CausalImpact (Brodersen et al. 2015), kept to ordinary
 * least squares so every number can be checked: the affected series is regressed (through the
 * origin) on the summed series of the shop's unaffected products and weekday offsets over the
 * pre-period, the fit predicts the post-period, and the gap between prediction and what happened is
 * the effect, with 95% prediction intervals. Residual autocorrelation widens the cumulative
 * interval (an AR(1) variance factor), since days after a shock are not independent.
 */
public final class Counterfactual {

  /** Fewer pre-period days than this cannot pin a weekly pattern (each weekday at least twice). */
  public static final int MIN_PRE_DAYS = 14;

  /** One unaffected product is an anecdote, not a counterfactual. */
  public static final int MIN_CONTROLS = 2;

  private Counterfactual() {}

  /** How well the pre-period was explained. */
  public record Fit(int preDays, int postDays, int controls, double rSquared, double residualSd) {}

  /**
   * The estimate. Positive loss means the series fell below its counterfactual.
   *
   * @param predicted counterfactual per day over the whole window (pre-period: in-sample fit)
   * @param low lower 95% bound of the counterfactual per day
   * @param high upper 95% bound per day
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
      Fit fit) {

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

  /**
   * @param days the calendar days of the series, consecutive
   * @param affected the affected series per day
   * @param controlSum the summed series of the unaffected products per day
   * @param controls how many unaffected products make up controlSum
   * @param firstPostDay index of the first day after the deletion
   */
  public static Result estimate(
      List<LocalDate> days,
      double[] affected,
      double[] controlSum,
      int controls,
      int firstPostDay) {
    int n = affected.length;
    if (controls < MIN_CONTROLS) {
      return Result.refused(
          "only "
              + controls
              + " unaffected product(s) with traffic; at least "
              + MIN_CONTROLS
              + " are needed to build a counterfactual");
    }
    if (firstPostDay < MIN_PRE_DAYS) {
      return Result.refused(
          "only "
              + firstPostDay
              + " day(s) of data before the deletion; at least "
              + MIN_PRE_DAYS
              + " are needed");
    }
    if (firstPostDay >= n) {
      return Result.refused("no data after the deletion yet");
    }
    double[][] design = design(days, controlSum);
    double[] yPre = Arrays.copyOf(affected, firstPostDay);
    double[][] xPre = Arrays.copyOf(design, firstPostDay);
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    // No intercept: the product's level is tied to the controls' level (its share of them), so a
    // shop-wide
    // trend carries into the prediction in full. With an intercept, day-to-day noise in the
    // controls
    // flattens the slope and the prediction under-follows the trend.
    ols.setNoIntercept(true);
    double[] beta;
    double[][] inverse;
    double sigma2;
    double rSquared;
    double[] residuals;
    try {
      ols.newSampleData(yPre, xPre);
      beta = ols.estimateRegressionParameters();
      inverse = ols.estimateRegressionParametersVariance(); // (X'X)^-1, without sigma^2
      sigma2 = ols.estimateErrorVariance();
      residuals = ols.estimateResiduals();
      rSquared = centeredRSquared(yPre, residuals);
    } catch (IllegalArgumentException e) { // SingularMatrixException and too few rows
      return Result.refused("the days before the deletion do not vary enough to fit a model");
    }
    int params = beta.length;
    int df = firstPostDay - params;
    double tQuantile = new TDistribution(Math.max(df, 1)).inverseCumulativeProbability(0.975);
    double[] predicted = new double[n];
    double[] low = new double[n];
    double[] high = new double[n];
    double[] postSumRow = new double[params];
    double lossPoint = 0;
    for (int t = 0; t < n; t++) {
      double[] x = design[t];
      predicted[t] = dot(beta, x);
      double se = Math.sqrt(sigma2 * (1 + quadratic(inverse, x, x)));
      low[t] = predicted[t] - tQuantile * se;
      high[t] = predicted[t] + tQuantile * se;
      if (t >= firstPostDay) {
        lossPoint += predicted[t] - affected[t];
        for (int j = 0; j < params; j++) {
          postSumRow[j] += x[j];
        }
      }
    }
    int postDays = n - firstPostDay;
    double autocorrelationFactor = ar1VarianceFactor(residuals);
    double cumulativeVariance =
        sigma2 * (postDays * autocorrelationFactor + quadratic(inverse, postSumRow, postSumRow));
    double half = tQuantile * Math.sqrt(cumulativeVariance);
    Fit fit = new Fit(firstPostDay, postDays, controls, rSquared, Math.sqrt(sigma2));
    return new Result(
        new Estimate(
            List.copyOf(days),
            affected.clone(),
            predicted,
            low,
            high,
            firstPostDay,
            lossPoint,
            lossPoint - half,
            lossPoint + half,
            fit),
        null);
  }

  /** 1 − SSR/SST around the mean: how much of the day-to-day movement the fit explains. */
  static double centeredRSquared(double[] y, double[] residuals) {
    double mean = Arrays.stream(y).average().orElse(0);
    double total = 0;
    double residual = 0;
    for (int t = 0; t < y.length; t++) {
      total += (y[t] - mean) * (y[t] - mean);
      residual += residuals[t] * residuals[t];
    }
    return total == 0 ? 0 : 1 - residual / total;
  }

  /** Regressors per day: the control sum and six weekday dummies (Monday is the base). */
  static double[][] design(List<LocalDate> days, double[] controlSum) {
    double[][] x = new double[days.size()][7];
    for (int t = 0; t < days.size(); t++) {
      x[t][0] = controlSum[t];
      DayOfWeek dow = days.get(t).getDayOfWeek();
      if (dow != DayOfWeek.MONDAY) {
        x[t][dow.getValue() - 1] = 1;
      }
    }
    return x;
  }

  /**
   * Variance of a sum of n AR(1) residuals relative to n independent ones, (1+ρ)/(1−ρ), with the
   * lag-one correlation ρ of the pre-period residuals kept in [0, 0.9].
   */
  static double ar1VarianceFactor(double[] residuals) {
    double num = 0;
    double den = 0;
    for (int t = 0; t < residuals.length; t++) {
      den += residuals[t] * residuals[t];
      if (t > 0) {
        num += residuals[t] * residuals[t - 1];
      }
    }
    double rho = den == 0 ? 0 : Math.max(0, Math.min(0.9, num / den));
    return (1 + rho) / (1 - rho);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double quadratic(double[][] m, double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        s += a[i] * m[i][j] * b[j];
      }
    }
    return s;
  }
}
