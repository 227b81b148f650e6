package app.rebound.advice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.analysis.ImpactReport;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SamplePlanTest {

  @Test
  void the_sample_shop_gets_a_ranked_plan_whose_rationales_carry_its_numbers_in_zh_and_en() {
    for (String lang : new String[] {"zh", "en"}) {
      ImpactReport report = Reports.sample(lang);
      LocalDate asOf =
          report.deletions().batches().stream()
              .map(ImpactReport.BatchRow::date)
              .min(LocalDate::compareTo)
              .orElseThrow()
              .plusDays(1); // the first batch can still be appealed
      Plan plan = RecoveryPlan.of(report, Assumptions.defaults(), asOf);
      System.out.println(lang + " " + plan.actions().size() + " actions");
      plan.actions().forEach(a -> System.out.println("  " + a));
      plan.steps().forEach(s -> System.out.println("  " + s));
      assertFalse(plan.actions().isEmpty());
      assertTrue(plan.lang().equals(lang));
      for (RankedAction a : plan.actions()) {
        assertFalse(a.rationale().isBlank(), a.id().code());
        assertTrue(a.rationale().matches("(?s).*\\d.*"), "numbers in " + a.rationale());
      }
      for (ImpactReport.BatchRow b : report.deletions().batches()) {
        String money = "¥" + Scoring.yuan(b.money());
        assertTrue(
            plan.actions().stream().anyMatch(a -> (a.gap() + a.rationale()).contains(money)),
            "batch " + b.id() + "'s " + money + " is quoted");
      }
      assertTrue(
          plan.actions().stream().anyMatch(a -> a.id() == ActionId.APPEAL),
          "the open batch is appealed");
      assertTrue(plan.steps().stream().anyMatch(s -> s.actionId() == ActionId.APPEAL));
      assertFalse(plan.steps().isEmpty());
    }
  }

  @Test
  void each_follow_up_step_says_what_to_check_on_which_products() {
    ImpactReport report = Reports.sample("zh");
    Plan plan = RecoveryPlan.of(report, Assumptions.defaults(), LocalDate.of(2026, 6, 20));
    Set<String> steps = new HashSet<>();
    for (PlanStep s : plan.steps()) {
      assertTrue(steps.add(s.text()), "a step repeated word for word: " + s.text());
    }
    for (RankedAction a : plan.actions()) {
      if (a.products() == null || a.products().isEmpty() || a.id() == ActionId.APPEAL) {
        continue;
      }
      String firstName =
          report.products().stream()
              .filter(p -> p.productId().equals(a.products().get(0)))
              .findFirst()
              .orElseThrow()
              .name();
      assertTrue(
          plan.steps().stream()
              .anyMatch(
                  s ->
                      s.actionId() == a.id()
                          && s.text().startsWith("检查")
                          && s.text().contains(firstName)),
          a.id() + "'s follow-up names " + firstName);
    }
  }
}
