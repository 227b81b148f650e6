package app.rebound.advice;

import app.rebound.PlatformTime;
import app.rebound.Words;
import app.rebound.analysis.BatchCause;
import app.rebound.analysis.ImpactReport.BatchRow;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Ranked actions as dated steps over 30/60/90 days from the plan date. The appeal's steps are dated
 * from each batch: find the cause, gather evidence, submit before the window closes, follow up
 * after 1–5 working days, answer a rejection. A batch past its window gets one step saying so and
 * no submit step.
 */
final class Schedule {

  /** Actions ranked 1–3 start in the first 30 days, 4–6 from day 30, the rest from day 60. */
  static final int PER_PHASE = 3;

  private Schedule() {}

  static List<PlanStep> of(
      List<RankedAction> actions,
      List<BatchRow> batches,
      Scoring.Coefficients c,
      Map<String, String> names,
      boolean zh,
      LocalDate asOf) {
    List<PlanStep> steps = new ArrayList<>();
    int window = (int) c.get("appeal.window_days");
    int nonAppeal = 0;
    for (RankedAction a : actions) {
      if (a.id() == ActionId.APPEAL) {
        continue; // dated from the batches below
      }
      int phase = Math.min(2, (a.rank() - 1) / PER_PHASE);
      LocalDate start = asOf.plusDays(phase * 30L + Math.min(nonAppeal % PER_PHASE, 2) * 7L);
      nonAppeal++;
      LocalDate end = start.plusDays(Math.max(6, a.daysToEffect()));
      steps.add(new PlanStep(start, end, a.id(), Catalogue.what(a.id(), zh)));
      steps.add(new PlanStep(end.plusDays(1), end.plusDays(7), a.id(), followUp(a, names, zh)));
    }
    boolean appealRanked = actions.stream().anyMatch(a -> a.id() == ActionId.APPEAL);
    for (BatchRow b : batches.stream().sorted(Comparator.comparing(BatchRow::date)).toList()) {
      steps.addAll(appealSteps(b, window, zh, asOf, appealRanked));
    }
    steps.add(
        new PlanStep(
            asOf.plusDays(84),
            asOf.plusDays(90),
            ActionId.MONITORING,
            Words.format("plan.step.review", zh)));
    steps.sort(Comparator.comparing(PlanStep::start).thenComparing(PlanStep::end));
    return steps;
  }

  /**
   * The week after an action takes effect: what to look at (the measures it is meant to move), on
   * which products, against the baseline before it started.
   */
  static String followUp(RankedAction a, Map<String, String> names, boolean zh) {
    List<String> products =
        a.products() == null
            ? List.of()
            : a.products().stream().map(id -> names.getOrDefault(id, id)).toList();
    String which =
        products.isEmpty()
            ? Words.format("plan.step.affected_products", zh)
            : String.join(Words.format("plan.step.product_separator", zh), products);
    return Catalogue.check(a.id(), zh, which);
  }

  /** The appeal's steps for one batch. */
  static List<PlanStep> appealSteps(
      BatchRow b, int window, boolean zh, LocalDate asOf, boolean appealRanked) {
    List<PlanStep> out = new ArrayList<>();
    ActionId id = ActionId.APPEAL;
    if (BatchCause.VIOLATION.equals(b.likelyCause())) {
      out.add(
          new PlanStep(
              asOf,
              asOf,
              ActionId.COMPLIANCE,
              Words.format(
                  "plan.step.violation",
                  zh,
                  b.id(),
                  b.date().toString(),
                  String.valueOf(b.orders()))));
      return out;
    }
    LocalDateTime deadline = b.appealDeadline(window);
    LocalDate last = deadline.minusMinutes(1).toLocalDate();
    String by = PlatformTime.deadline(deadline, zh);
    if (!b.appealOpenOn(asOf, window) || !appealRanked) {
      out.add(
          new PlanStep(
              asOf,
              asOf,
              id,
              Words.format(
                  "plan.step.window_closed",
                  zh,
                  b.id(),
                  b.date().toString(),
                  String.valueOf(b.orders()),
                  String.valueOf(window),
                  last.toString())));
      return out;
    }
    LocalDate start = asOf.isBefore(b.date()) ? b.date() : asOf;
    LocalDate evidenceEnd = min(start.plusDays(2), last);
    LocalDate submit = min(evidenceEnd.plusDays(1), last);
    String cause =
        Words.get(
            b.likelyCause().equals(BatchCause.SYSTEM_ERROR)
                ? "plan.step.cause.system_error"
                : "plan.step.cause.malicious_report",
            zh,
            b.likelyCause());
    out.add(
        new PlanStep(
            start,
            start,
            id,
            Words.format(
                "plan.step.confirm",
                zh,
                b.id(),
                String.valueOf(b.orders()),
                Scoring.yuan(b.money()),
                cause,
                by)));
    out.add(new PlanStep(start, evidenceEnd, id, Words.format("plan.step.evidence", zh)));
    out.add(new PlanStep(submit, submit, id, Words.format("plan.step.submit", zh, by)));
    LocalDate followFrom = workingDays(submit, 1);
    LocalDate followTo = workingDays(submit, 5);
    out.add(new PlanStep(followFrom, followTo, id, Words.format("plan.step.follow_up", zh)));
    out.add(
        new PlanStep(
            followTo.plusDays(1),
            followTo.plusDays(3),
            id,
            Words.format("plan.step.rejected", zh)));
    return out;
  }

  static LocalDate workingDays(LocalDate from, int n) {
    LocalDate d = from;
    int added = 0;
    while (added < n) {
      d = d.plusDays(1);
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        added++;
      }
    }
    return d;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
