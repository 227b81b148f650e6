package app.rebound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.analysis.CompassExports;
import app.rebound.analysis.ImpactAnalysis;
import app.rebound.analysis.Settlements;
import app.rebound.ingest.FileReport;
import app.rebound.ingest.IngestReport;
import app.rebound.service.ActionsTaken;
import app.rebound.service.Analyses;
import app.rebound.service.StoredShop;
import app.rebound.sim.Cause;
import app.rebound.sim.GroundTruth;
import app.rebound.store.AppealCase;
import app.rebound.store.CaseStatus;
import app.rebound.store.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo shop shows every feature on the day the server first starts, whatever that day is. */
class DemoShopTest {

  /** 10:00 in Beijing on a day unlike the simulator's own dates. */
  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-17T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

  static final LocalDate TODAY = LocalDate.of(2026, 3, 17);

  @TempDir Path tmp;

  @Test
  void the_exports_end_yesterday_and_the_newest_notice_is_two_days_old_and_worth_appealing()
      throws Exception {
    GroundTruth truth = DemoShop.write(tmp, TODAY);
    assertEquals(TODAY.minusDays(1), DemoShop.config(TODAY).end());
    List<GroundTruth.Batch> batches = truth.batches();
    GroundTruth.Batch newest = batches.get(batches.size() - 1);
    assertEquals(TODAY.minusDays(2), newest.date());
    assertNotEquals(Cause.VIOLATION, newest.cause());
    // Older batches have weeks of data after them, for their loss.
    assertTrue(batches.get(0).date().isBefore(TODAY.minusDays(42)), batches.toString());
    try (Stream<String> lines = Files.lines(tmp.resolve("订单明细.csv"))) {
      assertTrue(
          lines.noneMatch(l -> l.contains(TODAY.toString())), "no order is dated today or later");
    }
  }

  @Test
  void the_platform_downloads_are_read_and_every_figure_they_add_is_measured() throws Exception {
    Path exports = tmp.resolve("exports");
    DemoShop.write(exports, TODAY);
    try (Workspaces workspaces = new Workspaces(tmp.resolve("data"), CLOCK)) {
      IngestReport report =
          workspaces.upload(ServeCommand.DEMO_SHOP, ShopRun.exportsIn(exports), stage -> {});
      Map<String, FileReport> files =
          report.files().stream().collect(Collectors.toMap(FileReport::name, f -> f));
      String deal = "抖音电商罗盘-成交分析-20251117-20260316.xlsx";
      Map<String, String> kinds =
          Map.of(
              "结算账单.csv",
              "settlements",
              "售后列表.csv",
              "after_sales",
              "精选联盟订单明细.xlsx [订单明细]",
              "commissions",
              deal + " [成交概览]",
              "deal_overview",
              deal + " [商品构成]",
              "deal_products",
              "商品卡流量分析流量来源数据_2026_02_15~2026_03_16.xlsx [流量来源]",
              "traffic_sources");
      for (var kind : kinds.entrySet()) {
        FileReport file = files.get(kind.getKey());
        assertTrue(file != null, kind.getKey() + " not in " + files.keySet());
        assertEquals(kind.getValue(), file.kind(), file.toString());
        assertTrue(file.rowsAccepted() > 0, file.toString());
        assertEquals(0, file.rowsRejected(), file.toString());
      }

      ImpactAnalysis.Result result =
          ImpactAnalysis.run(StoredShop.load(workspaces.database(ServeCommand.DEMO_SHOP)));
      Settlements.Result settlement = result.settlement();
      assertTrue(settlement.measured(), settlement.toString());
      // Most of the period's paid GMV has settled, not all: the newest orders are not settled yet.
      assertTrue(
          settlement.settledShare() > 0.4 && settlement.settledShare() < 0.95,
          settlement.toString());
      assertTrue(settlement.deletedOrdersSettled() > 0, settlement.toString());
      assertTrue(settlement.deletedOrdersSettled() < settlement.deletedOrders());
      CompassExports.Result compass = result.compass();
      assertTrue(compass.shopTraffic().measured(), compass.shopTraffic().toString());
      assertTrue(compass.sources().measured(), compass.sources().toString());
      assertTrue(compass.dealProducts().measured(), compass.dealProducts().toString());
      // 商品构成 counts every paid order, the orders export's paid money leaves the closed ones out.
      double dealGmv = compass.dealProducts().gmv();
      assertTrue(
          compass.dealProducts().ordersGmv() <= dealGmv
              && compass.dealProducts().ordersGmv() > 0.85 * dealGmv,
          compass.dealProducts().toString());
      assertTrue(
          result.partnerships().toString().contains("精选联盟订单明细.xlsx"),
          "affiliates measured from the commission orders: " + result.partnerships());
    }
  }

  @Test
  void the_first_start_loads_the_demo_with_a_measured_action_and_a_submitted_case()
      throws Exception {
    Path data = tmp.resolve("data");
    try (Workspaces workspaces = new Workspaces(data, CLOCK);
        Analyses analyses = new Analyses(workspaces, CLOCK, 1)) {
      assertTrue(ServeCommand.loadDemoShop(workspaces, data, CLOCK));
      assertFalse(ServeCommand.loadDemoShop(workspaces, data, CLOCK), "loaded once");
      try (Stream<Path> left = Files.list(data)) {
        assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".demo-")));
      }
      List<ActionsTaken.Row> actions =
          ActionsTaken.measure(workspaces.database(ServeCommand.DEMO_SHOP));
      assertEquals(1, actions.size());
      assertTrue(actions.get(0).effect().measured(), actions.get(0).effect().toString());

      analyses.submitStale();
      ServeCommand.submitDemoCase(workspaces, analyses);
      List<AppealCase> cases = List.of();
      for (int i = 0; i < 240 && cases.isEmpty(); i++) {
        Thread.sleep(500);
        cases = workspaces.database(ServeCommand.DEMO_SHOP).appealCases();
      }
      assertEquals(1, cases.size(), "the demo's case is opened once its analysis is ready");
      AppealCase submitted = cases.get(0);
      for (int i = 0; i < 20 && submitted.status() != CaseStatus.SUBMITTED; i++) {
        Thread.sleep(250);
        submitted = workspaces.database(ServeCommand.DEMO_SHOP).appealCases().get(0);
      }
      assertEquals(CaseStatus.SUBMITTED, submitted.status());
      assertTrue(
          submitted.batch().startsWith("WG" + TODAY.minusDays(2).toString().replace("-", "")));
    }
  }
}
