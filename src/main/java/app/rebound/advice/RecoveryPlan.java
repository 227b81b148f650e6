package app.rebound.advice;

import app.rebound.analysis.ImpactReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recovery plan for one shop: every action of the catalogue scored against the gap the impact
 * report measured, ranked by expected GMV minus cost over the horizon (compliance first whenever a
 * batch looks like a real violation, then an appeal whose window is open), and laid out as dated
 * steps over 90 days with the appeal dated from its batches.
 */
public final class RecoveryPlan {

  private RecoveryPlan() {}

  public static Plan of(ImpactReport report, Assumptions assumptions, LocalDate asOf) {
    boolean zh = !"en".equals(report.lang());
    Scoring.Coefficients c = new Scoring.Coefficients(assumptions);
    Gaps gaps = new Gaps(report, c);
    Scoring scoring = new Scoring(gaps, c, zh, asOf);
    List<Scoring.Draft> drafts = new ArrayList<>(scoring.all());
    drafts.sort(order());
    List<RankedAction> actions = new ArrayList<>();
    for (Scoring.Draft d : drafts) {
      actions.add(
          new RankedAction(
              d.id(),
              actions.size() + 1,
              round(d.expected()),
              round(d.low()),
              round(d.high()),
              round(d.cost()),
              Catalogue.effort(d.id()),
              Math.round(d.confidence() * 100) / 100.0,
              d.days(),
              d.products(),
              d.gap(),
              d.rationale(),
              d.unitsRestored(),
              rule(d)));
    }
    Map<String, String> names = new HashMap<>();
    for (ImpactReport.ProductRow p : report.products()) {
      if (p.name() != null && !p.name().isBlank()) {
        names.put(p.productId(), p.name());
      }
    }
    List<PlanStep> steps = Schedule.of(actions, gaps.batches(), c, names, zh, asOf);
    List<Assumption> used = zh ? c.used().stream().map(Assumptions::inChinese).toList() : c.used();
    return new Plan(zh ? "zh" : "en", asOf, actions, steps, used);
  }

  /** The rule that puts an action where it is; the page and files name it. */
  static String rule(Scoring.Draft d) {
    return switch (d.id()) {
      case COMPLIANCE -> RankedAction.VIOLATION_FIRST;
      // an appeal draft exists only while a window is open: it must be done before it closes
      case APPEAL -> RankedAction.APPEAL_WINDOW_FIRST;
      default -> RankedAction.BY_NET_VALUE;
    };
  }

  /**
   * Compliance first, then an appeal whose window is open (it cannot wait for its value to be
   * compared), then by expected net value, ties by confidence then by the id as written (its
   * alphabetical order, not the catalogue's).
   */
  static Comparator<Scoring.Draft> order() {
    return Comparator.comparing((Scoring.Draft d) -> d.id() != ActionId.COMPLIANCE)
        .thenComparing((Scoring.Draft d) -> d.id() != ActionId.APPEAL)
        .thenComparing(Comparator.comparingDouble(Scoring.Draft::net).reversed())
        .thenComparing(Comparator.comparingDouble(Scoring.Draft::confidence).reversed())
        .thenComparing((Scoring.Draft d) -> d.id().code());
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
