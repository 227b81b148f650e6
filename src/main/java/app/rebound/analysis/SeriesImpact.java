package app.rebound.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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

  /** How the candidate controls of one affected product are built from the panel. */
  @FunctionalInterface
  public interface ControlChoice {
    Controls.Selection of(
        DailyPanel panel, String product, List<String> controls, int firstPostDay);
  }

  /**
   * The unaffected products one by one (small ones grouped, broken ones left out). The selection
   * depends on the deletion day, not on the product, so the products deleted on one day share it: a
   * batch deletes many products at once, and choosing among thousands of candidates again for each
   * of them was most of a large shop's channel view.
   */
  public static ControlChoice products(String metric) {
    Map<Chosen, Controls.Selection> chosen = new HashMap<>();
    return (panel, product, controls, firstPostDay) ->
        chosen.computeIfAbsent(
            new Chosen(panel, controls, firstPostDay),
            k -> Controls.select(panel, metric, controls, firstPostDay));
  }

  /** What a selection of {@link #products} is made from (the panel by identity). */
  private record Chosen(DailyPanel panel, List<String> candidates, int firstPostDay) {}

  public record ProductEstimate(String productId, LocalDate since, Counterfactual.Result result) {}

  /**
   * @param measured false when no affected product could be measured
   * @param reason why not measured; when measured, null or how many products were left out
   * @param daily the affected products summed per day (unrounded; the report rounds it); null when
   *     not measured
   */
  public record MetricImpact(
      String metric,
      boolean measured,
      Reason reason,
      double loss,
      double lossLow,
      double lossHigh,
      List<ProductEstimate> products,
      ImpactReport.Daily daily,
      Counterfactual.Calibration calibration) {

    static MetricImpact notMeasured(String metric, Reason reason) {
      return new MetricImpact(
          metric, false, reason, 0, 0, 0, List.of(), null, Counterfactual.Calibration.NONE);
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
      ControlChoice choice) {
    List<String> products = new ArrayList<>(affectedSince.keySet());
    List<Counterfactual.Input> inputs = new ArrayList<>();
    for (String product : products) {
      int firstPostDay = panel.dayIndex(affectedSince.get(product));
      inputs.add(
          new Counterfactual.Input(
              panel.days(),
              panel.series(metric, product),
              choice.of(panel, product, controls, firstPostDay),
              firstPostDay));
    }
    // Jointly: the products deleted together share shocks, so the total's range is calibrated on
    // their summed errors, not added as if they were independent.
    Counterfactual.Joint joint = Counterfactual.jointly(inputs);
    List<ProductEstimate> estimates = new ArrayList<>();
    List<Reason> refusals = new ArrayList<>();
    int n = panel.days().size();
    double[] actual = new double[n];
    double[] lossByDay = new double[n];
    for (int i = 0; i < products.size(); i++) {
      Counterfactual.Result result = joint.products().get(i);
      estimates.add(
          new ProductEstimate(products.get(i), affectedSince.get(products.get(i)), result));
      if (!result.measured()) {
        refusals.add(result.refusal());
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
      // Each product's own reason is in its row; the total names it when all share one.
      Reason why =
          refusals.isEmpty()
              ? Reason.of("no_product_data")
              : refusals.stream().distinct().count() == 1
                  ? refusals.get(0)
                  : Reason.of("products_not_measured", refusals.size());
      return MetricImpact.notMeasured(metric, why);
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
        refusals.isEmpty()
            ? null
            : Reason.of("some_products_not_measured", refusals.size(), products.size()),
        joint.loss(),
        joint.lossLow(),
        joint.lossHigh(),
        estimates,
        new ImpactReport.Daily(
            panel.days(), actual, joint.expected(), joint.low(), joint.high(), cumulative),
        joint.calibration());
  }
}
