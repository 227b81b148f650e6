package app.rebound.analysis;

import java.time.LocalDate;
import java.util.List;

/**
 * A daily or weekly series for the dashboard: the affected products beside the unaffected ones (or
 * the shop alone, with unaffected null). Weekly points are dated by the Monday that starts the
 * week.
 *
 * @param id e.g. doubtful_reviews_per_day
 * @param period day or week
 * @param unit what a value counts, as in {@link Measure#unit()}
 * @param needs the export the series reads
 * @param measured false when that export was not uploaded (points then empty)
 * @param reason null, or why not (e.g. {@code upload} 评价.csv)
 * @param split the first deletion date, where the dashboard draws its line; null without deletions
 */
public record Series(
    String id,
    String period,
    String unit,
    String needs,
    boolean measured,
    Reason reason,
    LocalDate split,
    List<Point> points) {

  /** One point; a value is null where there is nothing to average (a week without reviews). */
  public record Point(LocalDate date, Double affected, Double unaffected) {}

  static Series missing(String id, String period, String unit, String needs, Reason reason) {
    return new Series(id, period, unit, needs, false, reason, null, List.of());
  }
}
