package app.rebound.ingest;

import static app.rebound.ingest.ExportFilesTest.only;
import static app.rebound.ingest.ExportFilesTest.readAll;
import static app.rebound.ingest.ExportFilesTest.workbook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The 罗盘 成交分析 workbook and the 商品卡流量来源 export, as downloaded. */
class CompassExportsTest {

  private static final LocalDate FROM = LocalDate.of(2026, 5, 1);
  private static final LocalDate TO = LocalDate.of(2026, 5, 3);
  private static final String DEAL = "抖音电商罗盘-成交分析-20260501-20260503.xlsx";

  private static List<ParsedExport> deal() throws Exception {
    return readAll(
        DEAL,
        CompassFiles.dealWorkbook(
            FROM,
            TO,
            LocalDate.of(2026, 5, 2),
            List.of("3500000000000000001", "3500000000000000002")));
  }

  private static ParsedExport sheet(List<ParsedExport> exports, String sheet) {
    return exports.stream()
        .filter(e -> e.report().name().equals(DEAL + " [" + sheet + "]"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no report for sheet " + sheet + ": " + exports));
  }

  @Test
  void every_sheet_of_the_deal_workbook_is_in_the_report_and_two_are_read() throws Exception {
    List<ParsedExport> exports = deal();
    assertEquals(11, exports.size(), exports::toString);
    for (String name : CompassFiles.DEAL_SHEETS) {
      FileReport report = sheet(exports, name).report();
      switch (name) {
        case "成交概览" -> assertEquals("deal_overview", report.kind(), report::toString);
        case "商品构成" -> assertEquals("deal_products", report.kind(), report::toString);
        default -> {
          assertNull(report.kind(), name);
          // Not "unknown header": the sheet is known, and not used. 自营成交 here carries 成交概览's
          // columns for a part of the shop and still is not stored as the whole shop.
          assertEquals("file_deal_sheet_not_used", report.messageCode(), name);
          assertEquals(List.of(name), report.messageArgs());
        }
      }
    }
  }

  @Test
  void the_overview_sheet_keeps_one_row_per_day_and_carrier_and_drops_the_total_saying_so()
      throws Exception {
    ParsedExport overview = sheet(deal(), "成交概览");
    FileReport report = overview.report();
    // 3 days × 2 载体类型; the 全部 row is no data row and is named in a warning with its sheet row.
    assertEquals(6, report.rowsRead(), report::toString);
    assertEquals(6, report.rowsAccepted());
    assertEquals(0, report.rowsRejected());
    IngestWarning warning = report.warnings().get(0);
    assertEquals("total_rows_dropped", warning.code());
    assertEquals(1, warning.count());
    assertEquals(List.of("8"), warning.examples(), "the sheet row of the 全部 row");
    assertTrue(warning.message().contains("全部"), warning.message());
    Table t = overview.table();
    assertEquals(LocalDate.of(2026, 5, 1), t.dateColumn("date").get(0));
    assertEquals("直播", t.stringColumn("carrier").get(0));
    assertEquals(1000, t.intColumn("impressions").get(0));
    assertEquals(100, t.intColumn("visitors").get(0));
    assertEquals(0.1, t.doubleColumn("click_rate").get(0), "a rate stays a fraction");
    assertEquals(300.0, t.doubleColumn("gmv").get(0), "成交金额（元） with its full-width unit");
    assertEquals(0.02, t.doubleColumn("refund_rate").get(0));
  }

  @Test
  void the_products_sheet_reads_its_short_and_cut_headers() throws Exception {
    ParsedExport products = sheet(deal(), "商品构成");
    assertEquals(6, products.report().rowsAccepted(), products.report()::toString);
    assertTrue(products.report().warnings().isEmpty());
    Table t = products.table();
    assertEquals("3500000000000000001", t.stringColumn("product_id").get(0), "商品编号 is 商品ID");
    assertEquals("直播", t.stringColumn("carrier").get(0));
    assertEquals(10.0, t.doubleColumn("gmv").get(0), "用户支付金额(元)");
    assertEquals(10.0, t.doubleColumn("average_order_value").get(0));
    assertEquals(0.05, t.doubleColumn("conversion_rate").get(0), "商品点击-成交转化率(次数, cut short");
    assertEquals(1.0, t.doubleColumn("refund_amount").get(0));
    assertEquals(0.1, t.doubleColumn("refund_rate").get(0), "退款率(支付时间, cut short");
  }

  @Test
  void a_total_row_by_carrier_is_dropped_too_and_a_bad_day_is_still_refused() throws Exception {
    String csv =
        String.join(",", List.of("日期", "载体类型", "商品曝光人数", "商品点击人数"))
            + "\n2026-05-01,直播,10,1\n2026-05-01,全部,10,1\n2026-05-99,直播,10,1\n";
    ParsedExport read = only(readAll("成交概览.csv", csv.getBytes(StandardCharsets.UTF_8)));
    FileReport report = read.report();
    assertEquals("deal_overview", report.kind());
    assertEquals(2, report.rowsRead(), report::toString);
    assertEquals(1, report.rowsAccepted());
    assertEquals(1, report.rowsRejected(), "an impossible day is an error, not a total");
    assertEquals(4, report.errors().get(0).line());
    assertEquals(List.of("3"), report.warnings().get(0).examples());
  }

  @Test
  void the_traffic_source_file_reads_with_its_period_even_for_one_day() throws Exception {
    byte[] book = CompassFiles.sourcesWorkbook(1);
    for (var period :
        List.of(
            List.of("2026_05_01~2026_05_31", "2026-05-01", "2026-05-31"),
            List.of("2026_05_02~2026_05_02", "2026-05-02", "2026-05-02"))) {
      ParsedExport read = only(readAll("商品卡流量分析流量来源数据_" + period.get(0) + ".xlsx", book));
      assertEquals("traffic_sources", read.report().kind(), read.report()::toString);
      assertEquals(3, read.report().rowsAccepted());
      Table t = read.table();
      assertEquals(period.get(1), t.dateColumn("period_start").get(0).toString());
      assertEquals(period.get(2), t.dateColumn("period_end").get(0).toString());
      assertEquals("自然流量", t.stringColumn("channel").get(0));
      assertEquals("搜索", t.stringColumn("sub_channel").get(0));
      assertEquals(1000, t.intColumn("impressions").get(0));
      assertEquals(80, t.intColumn("visitors").get(0));
      assertEquals(0.08, t.doubleColumn("click_rate").get(0));
      assertEquals(500.0, t.doubleColumn("gmv").get(0), "用户支付金额(元)");
      assertEquals(10, t.intColumn("buyers").get(0));
      assertEquals(0.125, t.doubleColumn("conversion_rate").get(0));
      assertEquals(0.1111, t.doubleColumn("conversion_rate").get(2), 1e-9, "\"11.11%\"");
      assertEquals("", t.stringColumn("sub_channel").get(2), "\"-\" is no value");
    }
  }

  @Test
  void a_traffic_source_file_renamed_without_its_period_is_refused_saying_why() throws Exception {
    ParsedExport refused = only(readAll("流量来源.xlsx", CompassFiles.sourcesWorkbook(1)));
    assertEquals("file_no_sources_period", refused.report().messageCode());
    assertTrue(refused.report().message().contains("商品卡流量分析流量来源数据_"));
  }

  @Test
  void a_product_card_file_is_not_taken_for_traffic_sources() throws Exception {
    byte[] book =
        workbook(
            new Object[][] {
              ExportFilesTest.CARD_HEADER, {"面霜", "3500000000000000001", 1200, 96, 0.08, 99.0}
            });
    ParsedExport day = only(readAll("商品卡列表数据_2026_05_02~2026_05_02.xlsx", book));
    assertEquals("traffic", day.report().kind());
  }
}
