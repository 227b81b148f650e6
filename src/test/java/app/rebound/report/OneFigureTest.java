package app.rebound.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.advice.ActionId;
import app.rebound.advice.Assumptions;
import app.rebound.advice.Plan;
import app.rebound.advice.RankedAction;
import app.rebound.advice.RecoveryPlan;
import app.rebound.analysis.ImpactReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One figure, one definition (issue 17 item 1): on the sample shop the GMV loss since the deletion
 * reads the same, with its period, in impact.json, plan.md and the plan's actions, and the appeal
 * quotes each product's own loss as the products page has it, never a share of the shop's.
 */
class OneFigureTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1); // the first batch is open

  @Test
  void the_sample_shops_gmv_loss_reads_the_same_with_its_period_in_every_file() throws Exception {
    ImpactReport report = ImpactReports.sample("zh");
    Plan plan = RecoveryPlan.of(report, Assumptions.defaults(), AS_OF);
    PlanText t = PlanText.of("zh");
    String md = PlanWriters.markdown(plan, report, "sample");
    String csv = new String(PlanWriters.csv(plan), StandardCharsets.UTF_8);
    JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(report));

    long days = report.daysSince(report.firstDeletion());
    assertTrue(days > 0);
    String shopLoss = t.money(json.get("gmv").get("loss").asDouble());
    assertEquals(t.money(report.gmv().loss()), shopLoss);
    // The sample's shop GMV range holds zero: every file says so, with the same point and range.
    assertEquals(ImpactReport.Loss.NO_MEASURABLE_LOSS, report.gmv().verdict());
    String range = t.money(report.gmv().lossLow()) + "–" + t.money(report.gmv().lossHigh());
    assertTrue(
        md.contains("GMV 损失（删除后 " + days + " 天） | 无可测损失 | " + MarkdownText.escape(range)),
        "plan.md names the period and says no measurable loss");
    RankedAction monitoring = action(plan, ActionId.MONITORING);
    assertTrue(
        monitoring
            .gap()
            .startsWith("删除后 " + days + " 天：无可测损失（点估计 " + shopLoss + "，95% 区间 " + range + " 包含 0）"),
        monitoring.gap());
    assertTrue(csv.contains(monitoring.gap()), "actions.csv has the plan's sentence");

    // Every projected gap says what it projects from and over which days: the measured days since
    // the deletion, and the plan's horizon (as the table's column says), never "30 天内" alone.
    int horizon = (int) Assumptions.defaults().get("horizon.days");
    for (ActionId id : List.of(ActionId.LISTING, ActionId.PROMOTION)) {
      String gap = action(plan, id).gap();
      assertTrue(
          gap.startsWith("按删除后 " + days + " 天每天的损失折算，未来 " + horizon + " 天约少 "), id + ": " + gap);
    }
    assertTrue(!md.contains(horizon + " 天内少了"), "no gap reads as a past loss over the horizon");

    RankedAction appeal = action(plan, ActionId.APPEAL);
    for (ImpactReport.ProductRow p : report.products()) {
      if (!appeal.products().contains(p.productId())) {
        continue;
      }
      String own =
          p.name()
              + " 删除后 "
              + report.daysSince(p.deletedSince())
              + " 天"
              + (p.gmv().verdict().equals(ImpactReport.Loss.LOSS)
                  ? "损失成交额 " + t.money(p.gmv().loss())
                  : "无可测损失（点估计 " + t.money(p.gmv().loss()));
      assertTrue(appeal.gap().contains(own), appeal.gap() + " should quote " + own);
      assertTrue(md.contains(t.money(p.gmv().loss())), "plan.md's product table has " + own);
    }
  }

  @Test
  void the_plan_counts_its_expected_values_over_the_horizon_it_is_given(@TempDir Path dir)
      throws Exception {
    String shipped;
    try (var in = Assumptions.class.getResourceAsStream("assumptions.properties")) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path edited = dir.resolve("assumptions.properties");
    Files.writeString(edited, shipped.replace("horizon.days=30", "horizon.days=14"));
    ImpactReport report = ImpactReports.sample("zh");
    Plan plan = RecoveryPlan.of(report, Assumptions.load(edited), AS_OF);

    assertEquals(14, plan.horizonDays());
    String md = PlanWriters.markdown(plan, report, "sample");
    assertTrue(md.contains("未来 14 天预期 GMV"), "the table's column names the horizon");
    assertTrue(!md.contains("未来 30 天"), "no figure speaks of the shipped 30 days");
    assertTrue(
        action(plan, ActionId.LISTING).gap().contains("未来 14 天约少"),
        action(plan, ActionId.LISTING).gap());
  }

  private static RankedAction action(Plan plan, ActionId id) {
    return plan.actions().stream().filter(a -> a.id() == id).findFirst().orElseThrow();
  }
}
