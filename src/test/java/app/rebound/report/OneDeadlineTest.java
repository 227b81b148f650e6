package app.rebound.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.PlatformTime;
import app.rebound.advice.ActionId;
import app.rebound.advice.Assumptions;
import app.rebound.advice.Plan;
import app.rebound.advice.RecoveryPlan;
import app.rebound.advice.appeal.AppealGroup;
import app.rebound.advice.appeal.AppealLetter;
import app.rebound.advice.appeal.AppealReport;
import app.rebound.analysis.ExportFolders;
import app.rebound.analysis.ImpactAnalysis;
import app.rebound.analysis.ImpactReport;
import app.rebound.analysis.ShopData;
import app.rebound.ingest.FileKind;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateTimeColumn;

/** One appeal deadline, stated the same way in the workbench, the plan and the appeal pack. */
class OneDeadlineTest {

  @Test
  void the_deadline_is_its_last_minute_in_beijing_time() {
    LocalDateTime closes = LocalDateTime.of(2026, 7, 18, 0, 0);
    assertEquals("2026年7月17日 23:59 前（北京时间）", PlatformTime.deadline(closes, true));
    assertEquals("by 23:59 on 17 Jul 2026 (Beijing time)", PlatformTime.deadline(closes, false));
  }

  @Test
  void the_plan_and_the_pack_give_each_open_group_the_workbenchs_deadline() throws Exception {
    ShopData shop = ExportFolders.read(ExportFolders.SAMPLE);
    // Notices processed at 10:35, not at midnight: the window runs from that moment.
    DateTimeColumn processed = shop.table(FileKind.DELETIONS).dateTimeColumn("processed_at");
    for (int row = 0; row < processed.size(); row++) {
      processed.set(row, processed.get(row).plusHours(10).plusMinutes(35));
    }
    ImpactAnalysis.Result result = ImpactAnalysis.run(shop);
    Assumptions assumptions = Assumptions.defaults();
    AppealReport appeal =
        AppealReport.of(shop, result, (int) assumptions.get("appeal.window_days"));
    assertFalse(appeal.groups().isEmpty());
    for (String lang : new String[] {"zh", "en"}) {
      boolean zh = lang.equals("zh");
      ImpactReport report = result.report(lang);
      for (AppealGroup g : appeal.groups()) {
        String deadline = PlatformTime.deadline(g.deadline(), zh);
        assertTrue(deadline.contains("10:34"), deadline);
        // The plan made on the notice's day, while the window is open.
        Plan plan = RecoveryPlan.of(report, assumptions, g.noticeAt().toLocalDate());
        assertTrue(
            plan.steps().stream()
                .anyMatch(s -> s.actionId() == ActionId.APPEAL && s.text().contains(deadline)),
            g.id() + " " + deadline + " in " + plan.steps());
        String checklist =
            AppealPackWriter.checklist(
                g,
                AppealLetter.ordersOf(g, appeal.orders()),
                AppealLetter.of(g, appeal, lang),
                lang);
        assertTrue(checklist.contains(deadline), checklist);
      }
    }
  }
}
