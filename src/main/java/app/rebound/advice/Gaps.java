package app.rebound.advice;

import app.rebound.analysis.BatchCause;
import app.rebound.analysis.ImpactReport;
import app.rebound.analysis.ImpactReport.BatchRow;
import app.rebound.analysis.ImpactReport.Loss;
import app.rebound.analysis.Measure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The measured gaps the actions address, read from an impact report and scaled to the plan's
 * horizon: a loss over the report's post-deletion days becomes a loss per day times the horizon.
 */
final class Gaps {

  /** An amount over the horizon with its range; {@code measured} false means a proxy. */
  record Range(boolean measured, boolean significant, double estimate, double low, double high) {
    static final Range NONE = new Range(false, false, 0, 0, 0);

    Range times(double factor) {
      return new Range(measured, significant, estimate * factor, low * factor, high * factor);
    }
  }

  /** Which trust measures are worse, for the customer-service and interaction actions. */
  record Trust(
      int measured, int worse, boolean doubtfulWorse, List<String> worseIds, Measure doubtful) {
    double worseShare() {
      return measured == 0 ? 0 : worse / (double) measured;
    }
  }

  /**
   * Partnerships: whether any affiliate measure shows a loss, and the affiliate GMV lost over the
   * horizon.
   */
  record Partners(boolean loss, Range gmv, double affiliatesLost, List<String> worseIds) {}

  /** Higher is worse for these; for the others lower is worse. */
  private static final Map<String, Integer> BAD_DIRECTION =
      Map.ofEntries(
          Map.entry("doubtful_review_share", 1),
          Map.entry("low_rating_share", 1),
          Map.entry("refund_rate", 1),
          Map.entry("complaints_per_day", 1),
          Map.entry("average_rating", -1),
          Map.entry("shop_experience_score", -1),
          Map.entry("affiliate_cancellations", 1),
          Map.entry("affiliate_gmv", -1),
          Map.entry("active_affiliates", -1),
          Map.entry("cooperating_affiliates", -1));

  final ImpactReport report;
  final double horizon;
  final double windowDays;
  final double scale;

  Gaps(ImpactReport report, Scoring.Coefficients c) {
    this.report = report;
    this.horizon = c.get("horizon.days");
    this.windowDays = windowDays(report, c.get("loss.window_days_default"));
    this.scale = horizon / windowDays;
  }

  /** Days from the first deletion to the end of the shop's daily series, else the default. */
  static double windowDays(ImpactReport report, double fallback) {
    long days = report.daysSince(report.firstDeletion());
    return days > 0 ? days : fallback;
  }

  Range overHorizon(Loss loss) {
    return scaled(loss, scale);
  }

  Range gmv() {
    return overHorizon(report.gmv());
  }

  /**
   * Days a product's own loss spans: from its first deletion to the end of the series, as the
   * products page counts it; the shop's window when either end is unknown.
   */
  double productDays(ImpactReport.ProductRow p) {
    long days = report.daysSince(p.deletedSince());
    return days > 0 ? days : windowDays;
  }

  /**
   * A product's own loss carried over the next horizon days: its loss per day since its deletion
   * times the horizon, never below zero (a product above its counterfactual has nothing to win
   * back). The one definition of "未来 N 天" for a product's figure.
   */
  Range productOverHorizon(ImpactReport.ProductRow p, Loss loss) {
    return scaled(loss, horizon / productDays(p));
  }

  /**
   * A measured loss and its 95% range times {@code factor}, each never below zero (a gain is
   * nothing to win back); {@link Range#NONE} when not measured. The shop's and a product's horizon
   * alike.
   */
  private static Range scaled(Loss loss, double factor) {
    if (loss == null || !loss.measured()) {
      return Range.NONE;
    }
    return new Range(
        true,
        loss.significant(),
        Math.max(0, loss.loss()) * factor,
        Math.max(0, loss.lossLow()) * factor,
        Math.max(0, loss.lossHigh()) * factor);
  }

  Range visitors() {
    return overHorizon(report.traffic() == null ? null : report.traffic().visitors());
  }

  Range buyers() {
    return overHorizon(report.conversion());
  }

  /** GMV per visitor the shop would have had: expected GMV over expected visitors. */
  Optional<Double> gmvPerVisitor() {
    Loss g = report.gmv();
    Loss v = report.traffic() == null ? null : report.traffic().visitors();
    if (g == null
        || v == null
        || !g.measured()
        || !v.measured()
        || g.expected() == null
        || v.expected() == null
        || v.expected() <= 0) {
      return Optional.empty();
    }
    return Optional.of(g.expected() / v.expected());
  }

  /**
   * Average order value: expected GMV per expected buyer, else the deleted orders' money per order.
   */
  Optional<Double> orderValue() {
    Loss g = report.gmv();
    Loss b = report.conversion();
    if (g != null
        && b != null
        && g.measured()
        && b.measured()
        && g.expected() != null
        && b.expected() != null
        && b.expected() > 0) {
      return Optional.of(g.expected() / b.expected());
    }
    ImpactReport.Deletions d = report.deletions();
    return d != null && d.orders() > 0 ? Optional.of(d.money() / d.orders()) : Optional.empty();
  }

  /** GMV per day the shop would have had, else its deleted money spread over the window. */
  double dailyGmv() {
    Loss g = report.gmv();
    if (g != null && g.measured() && g.expected() != null) {
      return g.expected() / windowDays;
    }
    return deletedMoney() / windowDays;
  }

  double deletedMoney() {
    return report.deletions() == null ? 0 : report.deletions().money();
  }

  List<BatchRow> batches() {
    return report.deletions() == null ? List.of() : report.deletions().batches();
  }

  boolean anyViolation() {
    return batches().stream().anyMatch(b -> BatchCause.VIOLATION.equals(b.likelyCause()));
  }

  static boolean worse(Measure m) {
    if (m == null || !m.measured() || m.effect() == null) {
      return false;
    }
    Integer bad = BAD_DIRECTION.get(m.id());
    if (bad == null) {
      return false;
    }
    return bad > 0 ? m.effect().low() > 0 : m.effect().high() < 0;
  }

  Trust trust() {
    List<Measure> shop =
        report.trust() == null || report.trust().shop() == null ? List.of() : report.trust().shop();
    int measured = 0;
    List<String> worse = new ArrayList<>();
    Measure doubtful = null;
    for (Measure m : shop) {
      if (!BAD_DIRECTION.containsKey(m.id()) || !m.measured() || m.effect() == null) {
        continue;
      }
      measured++;
      if (m.id().equals("doubtful_review_share")) {
        doubtful = m;
      }
      if (worse(m)) {
        worse.add(m.id());
      }
    }
    return new Trust(
        measured, worse.size(), worse.contains("doubtful_review_share"), worse, doubtful);
  }

  Partners partners() {
    List<Measure> shop =
        report.partnerships() == null || report.partnerships().shop() == null
            ? List.of()
            : report.partnerships().shop();
    List<String> worse = new ArrayList<>();
    Range gmv = Range.NONE;
    double lost = 0;
    for (Measure m : shop) {
      if (!worse(m)) {
        continue;
      }
      worse.add(m.id());
      Measure.Effect e = m.effect();
      switch (m.id()) {
        case "affiliate_gmv" -> // yuan per day, negative: lost; the interval's far end is the high
            // loss
            gmv =
                new Range(
                    true, true, -e.estimate() * horizon, -e.high() * horizon, -e.low() * horizon);
        case "affiliate_cancellations" -> lost = Math.max(lost, e.estimate() * horizon / 30.0);
        case "cooperating_affiliates", "active_affiliates" -> lost = Math.max(lost, -e.estimate());
        default -> {}
      }
    }
    return new Partners(!worse.isEmpty(), gmv, lost, worse);
  }
}
