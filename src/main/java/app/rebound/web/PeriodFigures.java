package app.rebound.web;

import app.rebound.analysis.ImpactReport;
import app.rebound.analysis.Reason;
import java.time.LocalDate;
import java.util.List;

/**
 * A KPI over a chosen {@link Period}, from the impact engine's own figures: the counterfactual loss
 * from the report's daily series, and the plain observed change against the period before (环比).
 * Nothing here estimates anew.
 */
final class PeriodFigures {

  static final Reason NO_DAYS_AFTER = Reason.of("no_days_after_in_period");

  private PeriodFigures() {}

  /**
   * The observed figure of the affected products over the period against the same number of days
   * just before it: a plain change in what was counted, not a measure of what the deletion did.
   *
   * @param relative (current − previous) / previous; null when previous is zero
   */
  public record Change(
      String unit,
      double current,
      double previous,
      Double relative,
      LocalDate previousFrom,
      LocalDate previousTo) {}

  /**
   * The loss over the period. The default period is the report's own loss. Any other: the day's
   * loss is the step of the engine's cumulative loss (each product counted from its own deletion,
   * so a product deleted later adds no pre-deletion fit error), summed over the period's days.
   *
   * <p>The interval: the engine's variance is not in the report (it lives on fitted models that the
   * web does not refit per request), and the daily bands cannot be summed (their errors share the
   * product's ratio and drift). So the full period's half-width is scaled by the square root of the
   * period's share f of the expected total. The engine's variance of a sum has a noise term
   * proportional to the expected total (√f is then exact), a ratio term proportional to its square
   * (f would do; √f is wider) and a drift term that grows faster still, so √f never makes a
   * sub-period look surer than the model is; its calibration widening carries over as a factor.
   */
  static ImpactReport.Loss loss(
      ImpactReport.Loss full, ImpactReport.Daily daily, Period period, LocalDate deletion) {
    if (period.isDefault() || full == null || !full.measured()) {
      return full;
    }
    if (daily == null) {
      return notMeasured(full, Reason.of("no_daily_series"));
    }
    double loss = 0;
    double expected = 0;
    boolean after = false;
    List<LocalDate> days = daily.days();
    double[] cumulative = daily.cumulativeLoss();
    for (int t = 0; t < days.size(); t++) {
      LocalDate day = days.get(t);
      if (day.isBefore(period.from()) || day.isAfter(period.to())) {
        continue;
      }
      loss += cumulative[t] - (t == 0 ? 0 : cumulative[t - 1]);
      if (deletion == null || !day.isBefore(deletion)) {
        after = true;
        expected += daily.expected()[t];
      }
    }
    if (!after) {
      return notMeasured(full, NO_DAYS_AFTER);
    }
    double share =
        full.expected() == null || full.expected() <= 0
            ? 1
            : Math.min(1, expected / full.expected());
    double half = (full.lossHigh() - full.lossLow()) / 2 * Math.sqrt(share);
    return new ImpactReport.Loss(
        true,
        full.reason(),
        full.needs(),
        full.unit(),
        loss,
        loss - half,
        loss + half,
        loss - half > 0 || loss + half < 0,
        expected,
        full.fit(),
        full.calibration());
  }

  /**
   * 环比: the affected products' actual total over the period against the period before; null when
   * that earlier period is not all inside the data.
   */
  static Change change(ImpactReport.Daily daily, String unit, Period period) {
    if (daily == null || period.from() == null) {
      return null;
    }
    Period before = period.previous();
    if (!before.insideData()) {
      return null;
    }
    double current = actual(daily, period.from(), period.to());
    double previous = actual(daily, before.from(), before.to());
    return new Change(
        unit,
        current,
        previous,
        previous == 0 ? null : (current - previous) / previous,
        before.from(),
        before.to());
  }

  private static double actual(ImpactReport.Daily daily, LocalDate from, LocalDate to) {
    double sum = 0;
    for (int t = 0; t < daily.days().size(); t++) {
      LocalDate day = daily.days().get(t);
      if (!day.isBefore(from) && !day.isAfter(to)) {
        sum += daily.actual()[t];
      }
    }
    return sum;
  }

  private static ImpactReport.Loss notMeasured(ImpactReport.Loss full, Reason why) {
    return new ImpactReport.Loss(
        false, why, full.needs(), full.unit(), 0, 0, 0, false, null, null, null);
  }
}
