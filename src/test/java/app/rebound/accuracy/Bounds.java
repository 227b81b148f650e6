package app.rebound.accuracy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Limits a scorecard row must keep. {@link #TARGETS} are issue 13's; the reduced suite asserts
 * whichever bounds its test names, so the engine can switch it to the targets once it meets them.
 *
 * @param maxErrorVisitors highest median relative error of the visitor loss
 * @param maxErrorGmv highest median relative error of the GMV loss
 * @param minCoverage lowest share of 95% intervals holding the truth
 * @param maxCoverage highest share (an interval that always holds it is too wide to be useful)
 * @param maxPlaceboFalsePositives highest share of placebo shops flagged significant
 */
public record Bounds(
    double maxErrorVisitors,
    double maxErrorGmv,
    double minCoverage,
    double maxCoverage,
    double maxPlaceboFalsePositives) {

  /** Issue 13: error ≤ 10% visitors, ≤ 15% GMV; coverage 90–97%; placebo positives ≤ 5%. */
  public static final Bounds TARGETS = new Bounds(0.10, 0.15, 0.90, 0.97, 0.05);

  /** Every bound the row breaks, in words; empty when it keeps them all. */
  public List<String> misses(Scorecard.Row row) {
    List<String> misses = new ArrayList<>();
    String where = row.scenario() + " " + row.metric() + ": ";
    double maxError = row.metric().equals("visitors") ? maxErrorVisitors : maxErrorGmv;
    if (row.shops() > 0 && !(row.medianError() <= maxError)) {
      misses.add(where + pct("median error", row.medianError(), "≤", maxError));
    }
    if (row.shops() > 0 && !(row.coverage() >= minCoverage)) {
      misses.add(where + pct("coverage", row.coverage(), "≥", minCoverage));
    }
    if (row.shops() > 0 && !(row.coverage() <= maxCoverage)) {
      misses.add(where + pct("coverage", row.coverage(), "≤", maxCoverage));
    }
    if (row.placebos() > 0 && !(row.placeboFalsePositives() <= maxPlaceboFalsePositives)) {
      misses.add(
          where
              + pct(
                  "placebo false positives",
                  row.placeboFalsePositives(),
                  "≤",
                  maxPlaceboFalsePositives));
    }
    return misses;
  }

  /** The misses of every row. */
  public List<String> misses(List<Scorecard.Row> rows) {
    return rows.stream().flatMap(r -> misses(r).stream()).toList();
  }

  private static String pct(String what, double value, String op, double bound) {
    return String.format(
        Locale.ROOT, "%s %.1f%% (target %s %.0f%%)", what, 100 * value, op, 100 * bound);
  }
}
