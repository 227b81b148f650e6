package app.rebound.accuracy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of issue 13 per scenario and metric, from the trials. */
public final class Scorecard {

  private Scorecard() {}

  /**
   * @param shops shops with an injected loss (truth above zero): error and coverage are over these
   * @param placebos placebo shops (truth exactly zero): the false-positive rate is over these
   * @param notMeasured shops (of both kinds) where the pipeline gave no estimate
   * @param medianError median relative error over the shops with a loss (NaN without any)
   * @param coverage share of the shops with a loss whose 95% interval holds the truth
   * @param placeboFalsePositives share of placebo shops whose interval excludes zero
   */
  public record Row(
      String scenario,
      String metric,
      int shops,
      int placebos,
      int notMeasured,
      double medianError,
      double coverage,
      double placeboFalsePositives) {}

  /** One row per (scenario, metric), in the order the trials first name them. */
  public static List<Row> of(List<Trial> trials) {
    Map<String, List<Trial>> groups = new LinkedHashMap<>();
    for (Trial t : trials) {
      groups.computeIfAbsent(t.scenario() + "\t" + t.metric(), k -> new ArrayList<>()).add(t);
    }
    List<Row> rows = new ArrayList<>();
    for (List<Trial> group : groups.values()) {
      List<Trial> losses = group.stream().filter(t -> !t.placebo() && t.truth() > 0).toList();
      List<Trial> placebos = group.stream().filter(Trial::placebo).toList();
      rows.add(
          new Row(
              group.get(0).scenario(),
              group.get(0).metric(),
              losses.size(),
              placebos.size(),
              (int) group.stream().filter(t -> !t.estimate().measured()).count(),
              median(losses.stream().mapToDouble(Trial::relativeError).toArray()),
              share(losses.stream().filter(Trial::covered).count(), losses.size()),
              share(placebos.stream().filter(Trial::significant).count(), placebos.size())));
    }
    return rows;
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private static double share(long count, int of) {
    return of == 0 ? Double.NaN : (double) count / of;
  }
}
