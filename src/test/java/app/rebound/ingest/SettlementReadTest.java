package app.rebound.ingest;

import static app.rebound.ingest.ExportFilesTest.only;
import static app.rebound.ingest.ExportFilesTest.onlyError;
import static app.rebound.ingest.ExportFilesTest.readAll;
import static app.rebound.ingest.ExportFilesTest.workbook;
import static app.rebound.ingest.ExportFilesTest.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * 结算账单 as downloaded: a title line (account and period) above the header, ids protected with a
 * leading apostrophe, money with ¥ and thousands separators; and the header search leaving every
 * other kind's files as they were.
 */
class SettlementReadTest {

  static final String TITLE = "结算账单,账户：示例小店,结算周期：2026-05-01 至 2026-05-31";
  static final String HEADER = "结算时间,订单号,子订单号,结算金额,商品ID,商品数量,订单总价,用户实付,平台服务费,佣金,收入合计,支出合计";

  /** The title, the header, then three rows: line 5 has a settled amount that is not money. */
  static final String SETTLEMENT_CSV =
      String.join(
          "\n",
          TITLE,
          HEADER,
          "2026-05-03 10:00:00,'6917000000000000001,'6917000000000000101,\"¥1,274.50\",'3500000000000000001,1,\"¥1,299.00\",\"¥1,299.00\",-12.99,-11.51,\"¥1,299.00\",-24.50",
          "2026-05-04 11:30:00,'6917000000000000002,'6917000000000000102,¥88.20,'3500000000000000002,2,¥90.00,¥90.00,-0.90,-0.90,¥90.00,-1.80",
          "2026-05-05 09:15:00,'6917000000000000003,'6917000000000000103,¥abc,'3500000000000000002,1,¥45.00,¥45.00,-0.45,0,¥45.00,-0.45",
          "");

  static byte[] bom(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    out.write(text.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Test
  void a_settlement_csv_reads_from_under_its_title_line() throws Exception {
    ParsedExport read = only(readAll("结算账单.csv", bom(SETTLEMENT_CSV)));
    FileReport report = read.report();
    assertEquals("settlements", report.kind());
    assertEquals("UTF-8 BOM", report.encoding());
    assertEquals(3, report.rowsRead(), "the title and header are not data rows");
    assertEquals(2, report.rowsAccepted());

    Table t = read.table();
    assertEquals("6917000000000000101", t.stringColumn("sub_order_id").get(0), "apostrophe gone");
    assertEquals("6917000000000000001", t.stringColumn("order_id").get(0));
    assertEquals("3500000000000000001", t.stringColumn("product_id").get(0));
    assertEquals(1274.50, t.doubleColumn("settled_amount").get(0));
    assertEquals(1299.00, t.doubleColumn("buyer_paid").get(0));
    assertEquals(-12.99, t.doubleColumn("platform_fee").get(0), "fees may be written negative");
    assertEquals(88.20, t.doubleColumn("settled_amount").get(1));
    assertEquals(LocalDateTime.of(2026, 5, 4, 11, 30), t.dateTimeColumn("settled_at").get(1));

    IngestWarning skipped = onlyWarning(report);
    assertEquals("rows_above_header", skipped.code());
    assertEquals(1, skipped.count());
    assertEquals(List.of("1", "2"), skipped.args(), "one row skipped; the header is line 2");
    assertEquals(List.of("1: 结算账单 账户：示例小店 结算周期：2026-05-01 至 2026-05-31"), skipped.examples());

    RowError bad = onlyError(report.errors());
    assertEquals(5, bad.line(), "the file's own line: title 1, header 2, data from 3");
    assertEquals("结算金额", bad.column());
    assertEquals("not_money", bad.code());
  }

  @Test
  void the_sample_settlement_reads_whole_with_its_title_reported() throws Exception {
    ParsedExport read = only(readAll(Path.of("src/test/resources/samples/settlement/结算账单.csv")));
    FileReport report = read.report();
    assertEquals("settlements", report.kind());
    assertEquals(21, report.rowsAccepted(), report.errors().toString());
    assertEquals(0, report.rowsRejected());
    assertTrue(onlyWarning(report).examples().get(0).startsWith("1: 结算账单"));
    Table t = read.table();
    assertEquals(20, t.stringColumn("sub_order_id").unique().size(), "one sub-order settles twice");
    assertEquals(-5.00, t.doubleColumn("settled_amount").min(), "the deduction is negative");
  }

  @Test
  void a_settlement_sheet_reads_from_under_its_title_row() throws Exception {
    byte[] xlsx =
        workbook(
            new Object[][] {
              {"结算账单 2026-05-01 至 2026-05-31"},
              HEADER.split(","),
              {
                "2026-05-03 10:00:00",
                "'6917000000000000001",
                "'6917000000000000101",
                "¥1,274.50",
                "'3500000000000000001",
                1,
                "¥1,299.00",
                "¥1,299.00",
                -12.99,
                -11.51
                // 收入合计 and 支出合计 left empty: Excel writes no cell, the row is padded
              },
              {
                "2026-05-04 11:30:00",
                "'6917000000000000002",
                "'6917000000000000102",
                "¥88.20",
                "'3500000000000000002",
                2,
                "¥90.00",
                "¥90.00",
                -0.9,
                -0.9,
                "¥90.00",
                -1.8
              },
              {
                "2026-05-05 09:15:00",
                "'6917000000000000003",
                "'6917000000000000103",
                "¥abc",
                "'3500000000000000002",
                1,
                "¥45.00",
                "¥45.00",
                -0.45,
                0,
                "¥45.00",
                -0.45
              }
            });
    ParsedExport sheet = only(readAll("结算账单.xlsx", xlsx));
    FileReport report = sheet.report();
    assertEquals("结算账单.xlsx [Sheet1]", report.name());
    assertEquals("settlements", report.kind());
    assertEquals(3, report.rowsRead());
    assertEquals(2, report.rowsAccepted(), report.errors().toString());
    Table t = sheet.table();
    assertEquals("6917000000000000101", t.stringColumn("sub_order_id").get(0));
    assertEquals(1274.50, t.doubleColumn("settled_amount").get(0));
    assertTrue(t.doubleColumn("income_total").isMissing(0), "the row's missing cells are empty");

    IngestWarning skipped = onlyWarning(report);
    assertEquals(List.of("1", "2"), skipped.args());
    assertEquals(List.of("1: 结算账单 2026-05-01 至 2026-05-31"), skipped.examples());
    RowError bad = onlyError(report.errors());
    assertEquals(5, bad.line(), "the sheet's own row");
    assertEquals("结算金额", bad.column());
  }

  @Test
  void a_fund_download_of_several_bom_csvs_in_a_zip_reads_each() throws Exception {
    String second =
        String.join(
            "\n",
            TITLE,
            HEADER,
            "2026-05-06 10:00:00,'6917000000000000004,'6917000000000000104,¥10.00,'3500000000000000001,1,¥10.00,¥10.00,0,0,¥10.00,0",
            "");
    List<ParsedExport> members =
        readAll("资金账单.zip", zip("结算账单_1.csv", bom(SETTLEMENT_CSV), "结算账单_2.csv", bom(second)));
    assertEquals(2, members.size());
    assertEquals("资金账单.zip/结算账单_1.csv", members.get(0).report().name());
    assertEquals("settlements", members.get(1).report().kind());
    assertEquals("6917000000000000104", members.get(1).table().stringColumn("sub_order_id").get(0));
    assertEquals("rows_above_header", onlyWarning(members.get(1).report()).code());
  }

  @Test
  void an_orders_export_with_a_title_line_reads_and_names_its_true_lines() throws Exception {
    String csv =
        "订单明细 导出于 2026-05-31\n"
            + "子订单编号,商品数量,商品ID,订单应付金额,订单提交时间\n"
            + "6920000000000000001,1,3500000000000000001,9.90,2026-05-01 10:00:00\n"
            + "6920000000000000002,x,3500000000000000001,9.90,2026-05-01 10:00:00\n";
    FileReport report = only(readAll("订单明细.csv", csv.getBytes(StandardCharsets.UTF_8))).report();
    assertEquals("orders", report.kind());
    assertEquals(4, onlyError(report.errors()).line());
    assertEquals(
        List.of("1: 订单明细 导出于 2026-05-31"),
        report.warnings().stream()
            .filter(w -> w.code().equals("rows_above_header"))
            .findFirst()
            .orElseThrow()
            .examples());
  }

  @Test
  void a_file_whose_first_row_fits_is_read_as_before_with_no_warning() throws Exception {
    String csv =
        "子订单编号,商品数量,商品ID,订单应付金额,订单提交时间\n"
            + "6920000000000000001,1,3500000000000000001,9.90,2026-05-01 10:00:00\n";
    FileReport report = only(readAll("订单明细.csv", csv.getBytes(StandardCharsets.UTF_8))).report();
    assertEquals("orders", report.kind());
    // Only the absent optional columns are warned of (a custom export), no row above the header.
    assertTrue(
        report.warnings().stream().allMatch(w -> w.code().startsWith("orders_no_")),
        report.warnings()::toString);
  }

  @Test
  void an_unknown_first_row_over_data_rows_is_refused_as_the_first_row_alone_is() throws Exception {
    // An orders export whose header lost 商品ID: rows 2 on are data, no kind fits any of them.
    String header = "子订单编号,商品数量,订单应付金额,订单提交时间";
    String rows =
        "\n6920000000000000001,1,9.90,2026-05-01 10:00:00"
            + "\n6920000000000000002,2,19.80,2026-05-01 11:00:00"
            + "\n6920000000000000003,1,9.90,2026-05-02 10:00:00\n";
    FileReport alone = only(readAll("a.csv", header.getBytes(StandardCharsets.UTF_8))).report();
    FileReport withRows =
        only(readAll("b.csv", (header + rows).getBytes(StandardCharsets.UTF_8))).report();
    assertEquals("file_orders_no_product_id", withRows.messageCode());
    assertEquals(alone.message(), withRows.message());
    assertEquals(List.of("商品ID"), withRows.missingColumns());
    assertNull(withRows.kind());
    assertTrue(withRows.message().contains("with the 商品ID column"), withRows.message());
  }

  @Test
  void a_header_below_the_rows_tried_is_not_looked_for() throws Exception {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < ExportStream.HEADER_SEARCH_ROWS; i++) {
      csv.append("标题 ").append(i + 1).append('\n');
    }
    csv.append(HEADER).append('\n');
    FileReport report =
        only(readAll("结算账单.csv", csv.toString().getBytes(StandardCharsets.UTF_8))).report();
    assertEquals("file_unknown_kind", report.messageCode());
  }

  private static IngestWarning onlyWarning(FileReport report) {
    assertEquals(1, report.warnings().size(), report.warnings()::toString);
    return report.warnings().get(0);
  }
}
