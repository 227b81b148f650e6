package app.rebound.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One metric's impact over every affected product: a counterfactual per product from the shop's
 * unaffected products (see {@link Counterfactual}), estimated jointly so the shop total's interval
 * carries the shocks the products share; the daily shop series the charts draw; and the shop's net
 * change over all its products, so spillover into the controls is visible. Positive loss means the
 * metric fell below what the counterfactual predicts.
 */
public final class SeriesImpact {

  private SeriesImpact() {}

  /** How the controls of one affected product are built from the panel and the other products. */
  @FunctionalInterface
  public interface Regressor {
    Controls.Selection of(DailyPanel panel, String product, List<String> controls, int firstPost);
  }

  /** The controls for counts and money: the unaffected products themselves ({@link Controls}). */
  public static Regressor individualControls(String metric) {
    return (panel, product, controls, firstPost) ->
        Controls.select(panel, metric, controls, firstPost);
  }

  public record ProductEstimate(
      String productId, LocalDate since, Counterfactual.Result result, List<String> leftOut) {}

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
   * @param calibration the total's test on the shop's own history
   * @param shopNet the change of the whole shop (all products) against its own history from the
   *     first deletion on; null when it cannot be estimated
   */
  public record MetricImpact(
      String metric,
      boolean measured,
      String message,
      double loss,
      double lossLow,
      double lossHigh,
      List<ProductEstimate> products,
      ShopSeries daily,
      Counterfactual.Calibration calibration,
      Counterfactual.Result shopNet) {

    static MetricImpact notMeasured(String metric, String message) {
      return new MetricImpact(metric, false, message, 0, 0, 0, List.of(), null, null, null);
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
    int n = panel.days().size();
    List<Counterfactual.Input> inputs = new ArrayList<>();
    List<String> products = new ArrayList<>();
    List<List<String>> leftOut = new ArrayList<>();
    LocalDate first = null;
    for (var entry : affectedSince.entrySet()) {
      int firstPost = panel.dayIndex(entry.getValue());
      Controls.Selection selection = regressor.of(panel, entry.getKey(), controls, firstPost);
      inputs.add(
          new Counterfactual.Input(
              panel.days(),
              panel.series(metric, entry.getKey()),
              selection.names(),
              selection.series(),
              firstPost,
              selection.pooled()));
      products.add(entry.getKey());
      leftOut.add(selection.leftOut());
      first = first == null || entry.getValue().isBefore(first) ? entry.getValue() : first;
    }
    if (inputs.isEmpty()) {
      return MetricImpact.notMeasured(metric, "no affected product has " + metric + " data");
    }
    Counterfactual.Joint joint = Counterfactual.jointly(inputs);
    List<ProductEstimate> estimates = new ArrayList<>();
    List<String> refusals = new ArrayList<>();
    double[] actual = new double[n];
    double[] lossByDay = new double[n];
    for (int i = 0; i < products.size(); i++) {
      Counterfactual.Result result = joint.products().get(i);
      estimates.add(
          new ProductEstimate(
              products.get(i), affectedSince.get(products.get(i)), result, leftOut.get(i)));
      if (!result.measured()) {
        refusals.add(products.get(i) + ": " + result.refusal());
        continue;
      }
      Counterfactual.Estimate e = result.estimate();
      for (int t = 0; t < n; t++) {
        actual[t] += e.actual()[t];
        if (t >= e.firstPostDay()) {
          lossByDay[t] += e.predicted()[t] - e.actual()[t];
        }
      }
    }
    if (estimates.stream().noneMatch(p -> p.result().measured())) {
      return MetricImpact.notMeasured(metric, String.join("; ", refusals));
    }
    double[] cumulative = new double[n];
    double running = 0;
    for (int t = 0; t < n; t++) {
      running += lossByDay[t];
      cumulative[t] = running;
    }
    return new MetricImpact(
        metric,
        true,
        refusals.isEmpty() ? null : String.join("; ", refusals),
        joint.loss(),
        joint.lossLow(),
        joint.lossHigh(),
        estimates,
        new ShopSeries(
            panel.days(), actual, joint.expected(), joint.low(), joint.high(), cumulative),
        joint.calibration(),
        shopNet(metric, panel, first));
  }

  /** Every product of the shop summed, against its own history only, from the first deletion on. */
  static Counterfactual.Result shopNet(String metric, DailyPanel panel, LocalDate first) {
    return Counterfactual.estimate(
        panel.days(),
        panel.sum(metric, panel.products()),
        List.of(),
        new double[0][],
        panel.dayIndex(first),
        false);
  }
}
