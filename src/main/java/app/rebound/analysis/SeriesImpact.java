package app.rebound.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One metric's impact over every affected product: a counterfactual per product from the shop's
 * unaffected products (see {@link Counterfactual}), the shop total with its interval, and the daily
 * shop series the charts draw. Positive loss means the metric fell below what the unaffected
 * products predict.
 */
public final class SeriesImpact {

  private SeriesImpact() {}

  /** How the regressor of one affected product is built from the panel and the control products. */
  @FunctionalInterface
  public interface Regressor {
    double[] of(DailyPanel panel, String product, List<String> controls);
  }

  /** The regressor for counts and money: the summed series of the unaffected products. */
  public static Regressor controlSum(String metric) {
    return (panel, product, controls) -> panel.sum(metric, controls);
  }

  public record ProductEstimate(String productId, LocalDate since, Counterfactual.Result result) {}

  /**
   * The shop's affected products summed per day: actual, expected, its 95% band, and the loss so
   * far.
   */
  public record ShopSeries(
      List<LocalDate> days,
      double[] actual,
      double[] expected,
      double[] low,
      double[] high,
      double[] cumulativeLoss) {}

  /**
   * @param measured false when no affected product could be measured (then message says why)
   */
  public record MetricImpact(
      String metric,
      boolean measured,
      String message,
      double loss,
      double lossLow,
      double lossHigh,
      List<ProductEstimate> products,
      ShopSeries daily) {

    static MetricImpact notMeasured(String metric, String message) {
      return new MetricImpact(metric, false, message, 0, 0, 0, List.of(), null);
    }

    public boolean significant() {
      return measured && (lossLow > 0 || lossHigh < 0);
    }
  }

  /**
   * @param affectedSince each affected product and the day its sales were first deleted
   * @param controls the shop's unaffected products
   */
  public static MetricImpact estimate(
      String metric,
      DailyPanel panel,
      Map<String, LocalDate> affectedSince,
      List<String> controls,
      Regressor regressor) {
    List<ProductEstimate> estimates = new ArrayList<>();
    int n = panel.days().size();
    double[] actual = new double[n];
    double[] expected = new double[n];
    double[] variance = new double[n];
    double[] lossByDay = new double[n];
    double loss = 0;
    double halfSquares = 0;
    List<String> refusals = new ArrayList<>();
    for (var entry : affectedSince.entrySet()) {
      String product = entry.getKey();
      LocalDate since = entry.getValue();
      List<String> usable = panel.activeBefore(metric, since, controls);
      Counterfactual.Result result =
          Counterfactual.estimate(
              panel.days(),
              panel.series(metric, product),
              regressor.of(panel, product, usable),
              usable.size(),
              panel.dayIndex(since));
      estimates.add(new ProductEstimate(product, since, result));
      if (!result.measured()) {
        refusals.add(product + ": " + result.refusal());
        continue;
      }
      Counterfactual.Estimate e = result.estimate();
      loss += e.loss();
      double half = (e.lossHigh() - e.lossLow()) / 2;
      halfSquares += half * half;
      for (int t = 0; t < n; t++) {
        actual[t] += e.actual()[t];
        expected[t] += e.predicted()[t];
        double dayHalf = (e.high()[t] - e.low()[t]) / 2;
        variance[t] += dayHalf * dayHalf;
        if (t >= e.firstPostDay()) {
          lossByDay[t] += e.predicted()[t] - e.actual()[t];
        }
      }
    }
    if (estimates.stream().noneMatch(p -> p.result().measured())) {
      String why =
          refusals.isEmpty()
              ? "no affected product has " + metric + " data"
              : String.join("; ", refusals);
      return MetricImpact.notMeasured(metric, why);
    }
    double[] low = new double[n];
    double[] high = new double[n];
    double[] cumulative = new double[n];
    double running = 0;
    for (int t = 0; t < n; t++) {
      double half = Math.sqrt(variance[t]);
      low[t] = expected[t] - half;
      high[t] = expected[t] + half;
      running += lossByDay[t];
      cumulative[t] = running;
    }
    // Products are estimated separately; their errors are taken as independent, so half-widths add
    // in
    // quadrature.
    double half = Math.sqrt(halfSquares);
    return new MetricImpact(
        metric,
        true,
        refusals.isEmpty() ? null : String.join("; ", refusals),
        loss,
        loss - half,
        loss + half,
        estimates,
        new ShopSeries(panel.days(), actual, expected, low, high, cumulative));
  }
}
