package app.rebound.advice;

import static app.rebound.advice.Reports.DAY;
import static app.rebound.advice.Reports.batch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.analysis.ImpactReport.BatchRow;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppealScheduleTest {

  static final int WINDOW = (int) Assumptions.defaults().get("appeal.window_days");

  @Test
  void every_appeal_step_up_to_the_submission_falls_before_the_deadline_whatever_the_plan_date() {
    BatchRow b = batch("N1", DAY, 10, 1000, "system_error");
    LocalDate deadline = DAY.plusDays(WINDOW);
    for (int offset = -2; offset < WINDOW; offset++) {
      LocalDate asOf = DAY.plusDays(offset);
      List<PlanStep> steps = Schedule.appealSteps(b, WINDOW, false, asOf, true);
      assertEquals(5, steps.size(), "cause, evidence, submit, follow-up, rejection");
      PlanStep submit = steps.get(2);
      assertTrue(submit.text().startsWith("Submit"));
      for (PlanStep s : steps.subList(0, 3)) {
        assertTrue(s.end().isBefore(deadline), offset + ": " + s);
        assertFalse(s.start().isBefore(asOf), offset + ": " + s);
        assertFalse(s.start().isBefore(DAY), "not before the notice: " + s);
        assertFalse(s.end().isBefore(s.start()));
      }
      PlanStep follow = steps.get(3);
      assertTrue(follow.start().isAfter(submit.end()));
      long working =
          submit
              .end()
              .datesUntil(follow.end().plusDays(1))
              .filter(d -> d.isAfter(submit.end()))
              .filter(
                  d ->
                      d.getDayOfWeek() != DayOfWeek.SATURDAY
                          && d.getDayOfWeek() != DayOfWeek.SUNDAY)
              .count();
      assertEquals(5, working, "follow-up runs to 5 working days after the submission");
      assertTrue(steps.get(4).start().isAfter(follow.end()));
    }
  }

  @Test
  void a_batch_past_its_deadline_gets_one_step_saying_the_window_closed_and_no_submission() {
    BatchRow b = batch("N1", DAY, 10, 1000, "malicious_report");
    for (LocalDate asOf : List.of(DAY.plusDays(WINDOW), DAY.plusDays(40))) {
      List<PlanStep> steps = Schedule.appealSteps(b, WINDOW, false, asOf, true);
      assertEquals(1, steps.size());
      assertTrue(steps.get(0).text().contains("window closed"), steps.get(0).text());
      List<PlanStep> zh = Schedule.appealSteps(b, WINDOW, true, asOf, true);
      assertTrue(zh.get(0).text().contains("申诉期已于"), zh.get(0).text());
    }
  }

  @Test
  void a_violation_batch_gets_a_compliance_step_and_no_appeal_steps() {
    List<PlanStep> steps =
        Schedule.appealSteps(batch("V", DAY, 5, 500, "violation"), WINDOW, false, DAY, true);
    assertEquals(1, steps.size());
    assertEquals(ActionId.COMPLIANCE, steps.get(0).actionId());
  }

  @Test
  void the_plan_spans_ninety_days_with_steps_for_every_ranked_action() {
    LocalDate asOf = DAY.plusDays(1);
    Plan p = RecoveryPlan.of(new Reports.Builder().build(), Assumptions.defaults(), asOf);
    for (RankedAction a : p.actions()) {
      assertTrue(p.steps().stream().anyMatch(s -> s.actionId() == a.id()), a.id().code());
    }
    for (PlanStep s : p.steps()) {
      assertFalse(s.start().isBefore(asOf), s.toString());
      assertTrue(ChronoUnit.DAYS.between(asOf, s.end()) <= 90, s.toString());
    }
    PlanStep submit =
        p.steps().stream().filter(s -> s.text().startsWith("Submit")).findFirst().orElseThrow();
    assertTrue(submit.end().isBefore(DAY.plusDays(WINDOW)));
  }
}
