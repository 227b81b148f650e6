package app.rebound.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The counterfactual engine: what an affected product would have sold (or drawn in visitors) had
 * its sales not been deleted, from the shop's unaffected products.
 *
 * <p>The model is a synthetic control (Abadie, Diamond and Hainmueller 2010) used as a ratio
 * estimator: each unaffected product's series is scaled to its own pre-period mean, the products
 * are weighted (non-negative, summing to one, chosen on the pre-period's weekly means and pulled
 * towards their sales volumes so noise cannot pick them; {@link SyntheticWeights}), and the
 * affected product's counterfactual is that index times the product's ratio to it over the days
 * before the deletion (the last 84, or 56 or 28 where a shorter window clearly predicted better at
 * pseudo-deletion dates, as when shares drift). A control's day counts at most three times its
 * median day, so one control's viral day does not lift every product. Everything stays on the
 * series' own scale, so there is no back-transform bias, predictions are never below zero, and the
 * shop's weekday rhythm, sale days and trend come in through the controls. With no usable control
 * the product's own weekday pattern of its last four weeks stands in (a weak estimate, said so);
 * one control is weak as well.
 *
 * <p>The interval has two parts. The model's own: day-to-day noise whose variance scales with the
 * level (quasi-Poisson, with the pre-period's dispersion and lag-one autocorrelation, or whole
 * weeks' residuals where larger), the uncertainty of the product's ratio, and the drift of that
 * ratio as a random walk measured on the pre-period's weekly ratios (a share that wanders makes the
 * far weeks less certain than the near ones: the local-level part of a structural time-series
 * model, Harvey 1989, estimated by its variogram instead of a Kalman filter). Then
 * self-calibration: the same estimator is run at up to 24 pseudo-deletion dates inside the
 * pre-period, where nothing happened; if its 95% range missed there more often than 1 time in 20,
 * the range is widened by the factor that would have made it hold (split-conformal, Vovk et al.
 * 2005; Lei et al. 2018). The weights are fitted once and reused at every pseudo-date, so
 * calibration costs a few sums per date. Products deleted together are calibrated jointly (their
 * pseudo-errors summed), so the shop total's range carries the shocks they share.
 */
public final class Counterfactual {

  /** Fewer pre-period days than this cannot pin a weekly pattern (each weekday at least twice). */
  public static final int MIN_PRE_DAYS = 14;

  /** The refusals' codes a caller may restate (an action's effect counts from its start). */
  static final String FEW_PRE_DAYS = "few_pre_days";

  static final String NO_DATA_AFTER = "no_data_after_deletion";

  static final String NO_SALES_BEFORE = "no_sales_before";

  /** The weights are chosen on at most this many days before the deletion (12 weeks). */
  static final int FIT_DAYS = 84;

  /**
   * The product's ratio to its controls is taken over its last 84, 56 or 28 days before the
   * deletion: the longest unless a shorter one predicted clearly better at the pseudo-dates.
   */
  static final int[] LEVEL_CHOICES = {84, 56, 28};

  /** Days of the product's own history its weekday pattern is taken from when nothing else is. */
  static final int WEEKDAY_DAYS = 28;

  /** At most this many pseudo-deletion dates; with fewer than MIN_DATES the model range stands. */
  static final int MAX_DATES = 24;

  static final int MIN_DATES = 8;

  /** A pseudo-date needs this many days after it inside the pre-period. */
  static final int MIN_PSEUDO_HORIZON = 7;

  /**
   * The share of the measured drift taken into the range. Checked on the accuracy benchmark: with
   * none, placebo shops were flagged in 8–33% of the worlds' shops; with all of it, in 0–8%, at the
   * price of wider ranges (100% coverage in half the worlds, a quarter fewer simulated losses shown
   * as measurable); half of it, or narrowing where the pseudo-dates show the range too wide, let
   * the flags back up to 17–21% in some worlds.
   */
  static final double DRIFT_SHARE = 1.0;

  static final double Z95 = 1.959964;

  /**
   * A control's day counts at most this many times its median pre-period day: one control's viral
   * day or burst would otherwise lift every affected product's counterfactual. Judgement, checked
   * on the accuracy benchmark's viral and heavy-tailed worlds.
   */
  static final double BURST_CAP = 3;

  /**
   * A shorter window for the product's ratio is taken only when it predicted the pseudo-periods
   * this much better (in mean squared error) than the longest: the longest averages out the most
   * noise, a shorter one earns its place only where shares clearly drift.
   */
  static final double SHORTER_WINDOW_GAIN = 0.7;

  private Counterfactual() {}

  /**
   * How the pre-period was explained and how the method did on the shop's own history.
   *
   * @param rSquared share of the day-to-day movement of the pre-period the fit explains
   * @param residualSd standard deviation of the pre-period's daily residuals, in the series' unit
   * @param mape mean absolute percentage error of the fit's weekly sums over the pre-period (null
   *     when no week sold)
   * @param weak fewer than 2 usable controls: the estimate rests mostly on the product's own
   *     history
   */
  public record Fit(
      int preDays,
      int postDays,
      int controls,
      double rSquared,
      double residualSd,
      Double mape,
      boolean weak,
      Calibration calibration) {}

  /**
   * The estimator at pseudo-deletion dates inside the pre-period.
   *
   * @param dates pseudo-dates tried (fewer than MIN_DATES: the history is too short to calibrate)
   * @param held how often the model's 95% range of the loss held zero there
   * @param widening the factor the range was widened by (1: not widened)
   */
  public record Calibration(int dates, int held, double widening) {

    static final Calibration NONE = new Calibration(0, 0, 1);

    public boolean calibrated() {
      return dates >= MIN_DATES;
    }

    /** The plain sentence the merchant reads beside the estimate. */
    public String sentence(boolean zh) {
      if (!calibrated()) {
        return zh
            ? "删除前的历史太短，无法在您自己的历史上检验本方法；显示的是模型区间"
            : "the history before the deletion is too short to test this method on your own past;"
                + " the model's range is shown as it is";
      }
      String widened =
          widening > 1.0001
              ? zh
                  ? String.format(Locale.ROOT, "，因此区间放宽到 %.2f 倍", widening)
                  : String.format(Locale.ROOT, ", so the range was widened %.2f times", widening)
              : "";
      return zh
          ? String.format(
              Locale.ROOT, "在您历史上 %d 个什么也没发生的日期，本方法的95%%区间有 %d 次成立%s", dates, held, widened)
          : String.format(
              Locale.ROOT,
              "on %d dates in your own history where nothing happened, this method's 95%% range"
                  + " held %d times%s",
              dates,
              held,
              widened);
    }
  }

  /**
   * The estimate. Positive loss means the series fell below its counterfactual.
   *
   * @param predicted counterfactual per day over the whole window (pre-period: in-sample fit)
   * @param low lower 95% bound of the counterfactual per day, never below zero
   * @param high upper 95% bound per day
   * @param controlNames the controls the synthetic control was built from
   * @param weights their weights, in the order of controlNames
   * @param leftOut the unaffected products left out of the controls, each with the reason
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
      double[] weights,
      List<String> leftOut) {

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
  public record Result(Estimate estimate, Reason refusal) {
    public boolean measured() {
      return estimate != null;
    }

    static Result refused(Reason reason) {
      return new Result(null, reason);
    }
  }

  /** One affected series, its day of deletion and its candidate controls. */
  public record Input(
      List<LocalDate> days, double[] affected, Controls.Selection controls, int firstPostDay) {}

  /**
   * Products deleted together: each product's estimate and the total's, whose range is calibrated
   * on the products' summed pseudo-errors.
   *
   * @param correlation the average correlation of the products' pre-period residuals, used to add
   *     their model variances
   */
  public record Joint(
      List<Result> products,
      double loss,
      double lossLow,
      double lossHigh,
      double[] expected,
      double[] low,
      double[] high,
      double correlation,
      Calibration calibration) {}

  /** A single series against its controls. */
  public static Result estimate(
      List<LocalDate> days, double[] affected, Controls.Selection controls, int firstPostDay) {
    return jointly(List.of(new Input(days, affected, controls, firstPostDay))).products().get(0);
  }

  /** Each product's estimate and the total's. Products that cannot be measured are refused. */
  public static Joint jointly(List<Input> inputs) {
    List<Model> models = new ArrayList<>();
    List<Result> results = new ArrayList<>();
    for (Input in : inputs) {
      Reason refusal = refusal(in);
      Model model = refusal == null ? Model.fit(in) : null;
      if (model == null && refusal == null) {
        refusal = Reason.of(NO_SALES_BEFORE);
      }
      models.add(model);
      results.add(refusal == null ? null : Result.refused(refusal));
    }
    List<Model> fitted = models.stream().filter(m -> m != null).toList();
    int n = inputs.isEmpty() ? 0 : inputs.get(0).days().size();
    if (fitted.isEmpty()) {
      return new Joint(
          results, 0, 0, 0, new double[n], new double[n], new double[n], 0, Calibration.NONE);
    }
    for (int i = 0; i < models.size(); i++) {
      Model m = models.get(i);
      if (m != null) {
        results.set(i, new Result(m.estimate(calibrate(List.of(m), 0)), null));
      }
    }
    double rho = residualCorrelation(fitted);
    Calibration total = calibrate(fitted, rho);
    double loss = 0;
    double variance = 0;
    double[] expected = new double[n];
    double[] dayVariance = new double[n];
    for (int i = 0; i < fitted.size(); i++) {
      Model a = fitted.get(i);
      loss += a.loss();
      double va = a.lossVariance(a.firstPostDay, n);
      variance += va;
      for (int j = 0; j < i; j++) {
        Model b = fitted.get(j);
        variance += 2 * rho * Math.sqrt(va * b.lossVariance(b.firstPostDay, n));
      }
      for (int t = 0; t < n; t++) {
        expected[t] += a.predicted[t];
        dayVariance[t] += a.dayVariance(t);
      }
    }
    double half = Z95 * total.widening() * Math.sqrt(variance);
    double[] low = new double[n];
    double[] high = new double[n];
    double share = 1 + rho * (fitted.size() - 1);
    for (int t = 0; t < n; t++) {
      double h = Z95 * total.widening() * Math.sqrt(dayVariance[t] * share);
      low[t] = Math.max(0, expected[t] - h);
      high[t] = expected[t] + h;
    }
    return new Joint(results, loss, loss - half, loss + half, expected, low, high, rho, total);
  }

  private static Reason refusal(Input in) {
    int n = in.affected().length;
    if (in.firstPostDay() < MIN_PRE_DAYS) {
      return Reason.of(FEW_PRE_DAYS, Math.max(0, in.firstPostDay()), MIN_PRE_DAYS);
    }
    if (in.firstPostDay() >= n) {
      return Reason.of(NO_DATA_AFTER);
    }
    return null;
  }

  /**
   * The estimator at pseudo-deletion dates in the pre-period common to the models: how often the
   * model's 95% range of the (summed) loss held zero, and the widening that makes it hold 95% of
   * the time (the conformal quantile of the standardised errors against 1.96; never narrowed).
   *
   * @param rho the correlation used to add the models' variances
   */
  static Calibration calibrate(List<Model> models, double rho) {
    int end = models.stream().mapToInt(m -> m.firstPostDay).min().orElse(0);
    int horizon =
        models.stream().mapToInt(m -> m.predicted.length - m.firstPostDay).max().orElse(0);
    int first = MIN_PRE_DAYS;
    int last = end - MIN_PSEUDO_HORIZON;
    if (last < first) {
      return Calibration.NONE;
    }
    int span = last - first + 1;
    int dates = Math.min(MAX_DATES, span);
    double[] z = new double[dates];
    int held = 0;
    for (int i = 0; i < dates; i++) {
      int s = last - (int) Math.round((double) i * (span - 1) / Math.max(1, dates - 1));
      int stop = Math.min(end, s + horizon);
      double error = 0;
      double variance = 0;
      double[] v = new double[models.size()];
      for (int k = 0; k < models.size(); k++) {
        Model m = models.get(k);
        double[] pseudo = m.pseudo(s, stop);
        error += pseudo[0];
        v[k] = pseudo[1];
        variance += v[k];
        for (int j = 0; j < k; j++) {
          variance += 2 * rho * Math.sqrt(v[k] * v[j]);
        }
      }
      z[i] = variance > 0 ? Math.abs(error) / Math.sqrt(variance) : 0;
      if (z[i] <= Z95) {
        held++;
      }
    }
    if (dates < MIN_DATES) {
      return new Calibration(dates, held, 1);
    }
    Arrays.sort(z);
    // The ⌈0.95 (m + 1)⌉-th smallest of m scores; with fewer than 19 dates, the largest.
    int rank = Math.min(dates, (int) Math.ceil(0.95 * (dates + 1)));
    double quantile = z[rank - 1];
    return new Calibration(dates, held, Math.max(1, quantile / Z95));
  }

  /**
   * The average pairwise correlation of the models' pre-period Pearson residuals on their common
   * pre-period days, kept in [0, 1]: how much the products' errors move together.
   */
  static double residualCorrelation(List<Model> models) {
    if (models.size() < 2) {
      return 0;
    }
    int end = models.stream().mapToInt(m -> m.firstPostDay).min().orElse(0);
    int start = models.stream().mapToInt(m -> m.fitStart).max().orElse(0);
    if (end - start < MIN_PRE_DAYS) {
      return 0;
    }
    double sum = 0;
    int pairs = 0;
    for (int i = 0; i < models.size(); i++) {
      for (int j = 0; j < i; j++) {
        sum += correlation(models.get(i).pearson, models.get(j).pearson, start, end);
        pairs++;
      }
    }
    return Math.max(0, Math.min(1, sum / pairs));
  }

  private static double correlation(double[] a, double[] b, int from, int to) {
    double ma = 0;
    double mb = 0;
    int n = to - from;
    for (int t = from; t < to; t++) {
      ma += a[t] / n;
      mb += b[t] / n;
    }
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int t = from; t < to; t++) {
      ab += (a[t] - ma) * (b[t] - mb);
      aa += (a[t] - ma) * (a[t] - ma);
      bb += (b[t] - mb) * (b[t] - mb);
    }
    return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
  }

  /** One product's fitted model: its control index, its ratio, and its noise. */
  static final class Model {
    final Input input;
    final double[] y;
    final int firstPostDay;
    final int fitStart;

    /** The synthetic control index per day (the controls' weighted, mean-scaled sum). */
    final double[] index;

    final double[] weights;
    final double[] predicted;

    /** Pre-period residuals over the root of the prediction (0 outside the fit window). */
    final double[] pearson;

    /** Variance per unit of prediction (quasi-Poisson dispersion) of the daily residuals. */
    final double dispersion;

    /** (1 + ρ) / (1 − ρ): the variance of a sum of autocorrelated residuals, relative. */
    final double autocorrelation;

    /**
     * Variance per week of a random walk in the product's ratio to its index (its share drifting),
     * from the pre-period's weekly ratios: lag-two differences vary more than lag-one ones by one
     * week's drift (0 when they do not, or with fewer than five weeks).
     */
    final double drift;

    final double rSquared;
    final double residualSd;
    final Double mape;
    final double floor;

    /** Days before a (pseudo-)deletion the product's ratio to its index is taken over. */
    final int levelDays;

    /** The prediction summed over the level window before the deletion (each day ≥ the floor). */
    final double level;

    private Model(Input in, double[] index, double[] weights) {
      this.input = in;
      this.y = in.affected();
      this.firstPostDay = in.firstPostDay();
      this.fitStart = Math.max(0, firstPostDay - FIT_DAYS);
      this.index = index;
      this.weights = weights;
      int n = y.length;
      double sold = 0;
      for (int t = fitStart; t < firstPostDay; t++) {
        sold += y[t];
      }
      this.floor = Math.max(0.1, 0.2 * sold / (firstPostDay - fitStart));
      this.levelDays = levelDays(in.affected(), index, firstPostDay);
      double ratio = ratio(firstPostDay);
      this.predicted = new double[n];
      for (int t = 0; t < n; t++) {
        predicted[t] = ratio * index[t];
      }
      this.pearson = new double[n];
      double chi = 0;
      double ss = 0;
      double total = 0;
      double mean = 0;
      int days = firstPostDay - fitStart;
      for (int t = fitStart; t < firstPostDay; t++) {
        mean += y[t] / days;
      }
      for (int t = fitStart; t < firstPostDay; t++) {
        double r = y[t] - predicted[t];
        double scale = Math.sqrt(Math.max(predicted[t], floor()));
        pearson[t] = r / scale;
        chi += pearson[t] * pearson[t];
        ss += r * r;
        total += (y[t] - mean) * (y[t] - mean);
      }
      // The variance of a sum of days, per unit of prediction: from the days' own residuals and
      // their lag-one autocorrelation, or from whole weeks' residuals where those vary more (slow
      // wobbles of one product that day-to-day noise hides).
      double daily = chi / Math.max(1, days - 1);
      double ar = ar1VarianceFactor(Arrays.copyOfRange(pearson, fitStart, firstPostDay));
      Weeks weeks = weeks();
      double weekly = weeklyDispersion(weeks);
      this.dispersion = Math.max(daily, 1e-9);
      this.autocorrelation = Math.max(ar, weekly / this.dispersion);
      this.drift = weeklyDrift(weeks);
      double levelSum = 0;
      for (int d = Math.max(0, firstPostDay - levelDays); d < firstPostDay; d++) {
        levelSum += Math.max(predicted[d], floor);
      }
      this.level = levelSum;
      this.rSquared = total == 0 ? 0 : 1 - ss / total;
      this.residualSd = Math.sqrt(ss / Math.max(1, days - 1));
      this.mape = weeklyMape(weeks);
    }

    /** Null when the product sold nothing in the fit window (nothing to scale). */
    static Model fit(Input in) {
      int end = in.firstPostDay();
      int start = Math.max(0, end - FIT_DAYS);
      double sold = 0;
      for (int t = start; t < end; t++) {
        sold += in.affected()[t];
      }
      if (sold <= 0) {
        return null;
      }
      double[][] controls = in.controls().series();
      int n = in.affected().length;
      double[][] scaled = new double[controls.length][];
      for (int j = 0; j < controls.length; j++) {
        double cap = BURST_CAP * median(controls[j], start, end);
        double mean = 0;
        for (int t = start; t < end; t++) {
          mean += Math.min(controls[j][t], cap) / (end - start);
        }
        scaled[j] = new double[n];
        for (int t = 0; t < n; t++) {
          scaled[j][t] = mean > 0 ? Math.min(controls[j][t], cap) / mean : 0;
        }
      }
      double[] weights;
      double[] index = new double[n];
      if (controls.length == 0) {
        weights = new double[0];
        double[] weekday = ownWeekdayPattern(in.affected(), end);
        for (int t = 0; t < n; t++) {
          index[t] = weekday[Math.floorMod(t - end, 7)];
        }
      } else {
        weights =
            SyntheticWeights.of(in.affected(), scaled, volumes(controls, start, end), start, end);
        for (int j = 0; j < scaled.length; j++) {
          for (int t = 0; t < n; t++) {
            index[t] += weights[j] * scaled[j][t];
          }
        }
      }
      Model m = new Model(in, index, weights);
      return Double.isFinite(m.predicted[0]) ? m : null;
    }

    private static double[] volumes(double[][] controls, int start, int end) {
      double[] v = new double[controls.length];
      for (int j = 0; j < controls.length; j++) {
        for (int t = start; t < end; t++) {
          v[j] += controls[j][t];
        }
      }
      return v;
    }

    /** The product's mean per weekday over its last WEEKDAY_DAYS, relative to their mean. */
    private static double[] ownWeekdayPattern(double[] y, int end) {
      int start = Math.max(0, end - WEEKDAY_DAYS);
      double[] sum = new double[7];
      int[] count = new int[7];
      double all = 0;
      for (int t = start; t < end; t++) {
        sum[Math.floorMod(t - end, 7)] += y[t];
        count[Math.floorMod(t - end, 7)]++;
        all += y[t];
      }
      double mean = all / (end - start);
      double[] pattern = new double[7];
      for (int d = 0; d < 7; d++) {
        // Shrunk halfway to flat: four weeks pin a weekday only roughly.
        double day = count[d] == 0 || mean == 0 ? 1 : sum[d] / count[d] / mean;
        pattern[d] = 0.5 + 0.5 * day;
      }
      return pattern;
    }

    /**
     * The level window that predicted best at pseudo-deletion dates (least squared error of the
     * summed pseudo-period): a short one follows shares that drift, a long one averages out noise.
     */
    static int levelDays(double[] y, double[] index, int end) {
      int best = LEVEL_CHOICES[0];
      double bestError = Double.POSITIVE_INFINITY;
      for (int days : LEVEL_CHOICES) {
        if (days > end && days != LEVEL_CHOICES[0]) {
          continue;
        }
        double error = 0;
        int tried = 0;
        for (int s = MIN_PRE_DAYS; s <= end - MIN_PSEUDO_HORIZON; s++) {
          double sy = 0;
          double sc = 0;
          for (int t = Math.max(0, s - days); t < s; t++) {
            sy += y[t];
            sc += index[t];
          }
          if (sc <= 0) {
            continue;
          }
          double e = 0;
          for (int t = s; t < Math.min(end, s + 28); t++) {
            e += sy / sc * index[t] - y[t];
          }
          error += e * e;
          tried++;
        }
        double mse = tried > 0 ? error / tried : Double.POSITIVE_INFINITY;
        if (bestError == Double.POSITIVE_INFINITY
            ? tried > 0
            : mse < SHORTER_WINDOW_GAIN * bestError) {
          bestError = mse;
          best = days;
        }
      }
      return best;
    }

    /** The product's ratio to its index over the levelDays before the given day. */
    double ratio(int before) {
      int start = Math.max(0, before - levelDays);
      double sy = 0;
      double sc = 0;
      for (int t = start; t < before; t++) {
        sy += y[t];
        sc += index[t];
      }
      if (sc <= 0) {
        start = Math.max(0, before - FIT_DAYS);
        sy = 0;
        for (int t = start; t < before; t++) {
          sy += y[t];
          sc += index[t];
        }
      }
      return sc > 0 ? sy / sc : 0;
    }

    /**
     * A day's prediction is never taken as less than this for its noise: a fifth of the product's
     * mean day in the fit window (and a tenth of a unit), so a quiet day of its controls does not
     * make its own sale look like a huge surprise.
     */
    private double floor() {
      return floor;
    }

    double loss() {
      double loss = 0;
      for (int t = firstPostDay; t < y.length; t++) {
        loss += predicted[t] - y[t];
      }
      return loss;
    }

    /**
     * The model variance of the loss summed over [from, to) with the ratio taken before from: the
     * days' noise plus the ratio's own uncertainty, spread over every day it scales.
     */
    double lossVariance(int from, int to) {
      double ratio = ratio(from);
      double sum = 0;
      for (int t = from; t < to; t++) {
        sum += Math.max(ratio * index[t], floor());
      }
      int start = Math.max(0, from - levelDays);
      double level = 0;
      for (int t = start; t < from; t++) {
        level += Math.max(ratio * index[t], floor());
      }
      double relative = level > 0 ? dispersion * autocorrelation / level : 0;
      // A drifting share: the error of each later week grows with its distance from the level
      // window, and the weeks' errors add up together (a random walk summed: K³/3 + K²·L/3).
      double weeks = (to - from) / 7.0;
      double levelWeeks = (from - start) / 7.0;
      double perWeek = weeks > 0 ? sum / weeks : 0;
      double walk =
          drift * perWeek * perWeek * (weeks * weeks * weeks / 3 + weeks * weeks * levelWeeks / 3);
      return dispersion * autocorrelation * sum + sum * sum * relative + walk;
    }

    /** The model variance of one day's value around its prediction (noise and ratio). */
    double dayVariance(int t) {
      double p = Math.max(predicted[t], floor());
      return dispersion * p + (level > 0 ? p * p * dispersion * autocorrelation / level : 0);
    }

    /**
     * The error and model variance at a pseudo-deletion on day s, summed up to stop: the ratio
     * taken before s, the weights as fitted.
     */
    double[] pseudo(int s, int stop) {
      double[] at = index;
      int start = Math.max(0, s - levelDays);
      double sy = 0;
      double sc = 0;
      for (int t = start; t < s; t++) {
        sy += y[t];
        sc += at[t];
      }
      double ratio = sc > 0 ? sy / sc : 0;
      double error = 0;
      for (int t = s; t < stop; t++) {
        error += ratio * at[t] - y[t];
      }
      return new double[] {error, lossVariance(s, stop)};
    }

    /**
     * The squared residual of whole weeks per unit of their prediction, over the fit window's weeks
     * (0 with fewer than three).
     */
    /**
     * The fit window's whole weeks, oldest first, the last ending the day before the deletion: the
     * product's sums, the prediction's, and the prediction's with each day at least the floor.
     */
    private record Weeks(double[] actual, double[] predicted, double[] floored) {}

    private Weeks weeks() {
      int count = (firstPostDay - fitStart) / 7;
      Weeks w = new Weeks(new double[count], new double[count], new double[count]);
      for (int k = 0; k < count; k++) {
        int end = firstPostDay - 7 * (count - 1 - k);
        for (int t = end - 7; t < end; t++) {
          w.actual[k] += y[t];
          w.predicted[k] += predicted[t];
          w.floored[k] += Math.max(predicted[t], floor);
        }
      }
      return w;
    }

    private double weeklyDispersion(Weeks w) {
      double sum = 0;
      for (int k = 0; k < w.actual().length; k++) {
        double r = w.actual()[k] - w.predicted()[k];
        sum += r * r / w.floored()[k];
      }
      return w.actual().length < 3 ? 0 : sum / (w.actual().length - 1);
    }

    private double weeklyDrift(Weeks w) {
      List<Double> ratios = new ArrayList<>();
      for (int k = 0; k < w.actual().length; k++) {
        if (w.predicted()[k] > 0) {
          ratios.add(w.actual()[k] / w.predicted()[k]);
        }
      }
      int n = ratios.size();
      if (n < 5) {
        return 0;
      }
      double lag1 = 0;
      double lag2 = 0;
      for (int k = 1; k < n; k++) {
        lag1 += Math.pow(ratios.get(k) - ratios.get(k - 1), 2) / (n - 1);
      }
      for (int k = 2; k < n; k++) {
        lag2 += Math.pow(ratios.get(k) - ratios.get(k - 2), 2) / (n - 2);
      }
      return Math.max(0, lag2 - lag1) * DRIFT_SHARE;
    }

    private static Double weeklyMape(Weeks w) {
      double sum = 0;
      int counted = 0;
      for (int k = 0; k < w.actual().length; k++) {
        if (w.actual()[k] > 0) {
          sum += Math.abs(w.actual()[k] - w.predicted()[k]) / w.actual()[k];
          counted++;
        }
      }
      return counted == 0 ? null : sum / counted;
    }

    Estimate estimate(Calibration calibration) {
      int n = y.length;
      double loss = loss();
      double half = Z95 * calibration.widening() * Math.sqrt(lossVariance(firstPostDay, n));
      double[] low = new double[n];
      double[] high = new double[n];
      for (int t = 0; t < n; t++) {
        double h = Z95 * calibration.widening() * Math.sqrt(dayVariance(t));
        low[t] = Math.max(0, predicted[t] - h);
        high[t] = predicted[t] + h;
      }
      Controls.Selection c = input.controls();
      Fit fit =
          new Fit(
              firstPostDay,
              n - firstPostDay,
              c.names().size(),
              rSquared,
              residualSd,
              mape,
              c.names().size() < 2 && !c.pooled(),
              calibration);
      return new Estimate(
          input.days(),
          y.clone(),
          predicted,
          low,
          high,
          firstPostDay,
          loss,
          loss - half,
          loss + half,
          fit,
          c.names(),
          weights,
          c.leftOut());
    }
  }

  /** The median of the positive values of a series over [from, to) (0 when none). */
  static double median(double[] s, int from, int to) {
    double[] positive = Arrays.stream(s, from, to).filter(v -> v > 0).sorted().toArray();
    return positive.length == 0 ? 0 : positive[positive.length / 2];
  }

  /**
   * Variance of a sum of n AR(1) residuals relative to n independent ones, (1+ρ)/(1−ρ), with the
   * lag-one correlation ρ of the residuals kept in [0, 0.9].
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
}
