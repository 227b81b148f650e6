package app.rebound.ingest;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Each file type an upload may be: .csv, .xlsx (every sheet), .zip (every member), and refusals.
 */
class ExportFilesTest {

  static final Path REAL = Path.of("src/test/resources/samples/douyin-export-real-small");
  static final Path CSV = Path.of("src/test/resources/samples/douyin-export-small");

  /** Every export of one file, read whole: reports and accepted rows. */
  static List<ParsedExport> readAll(String name, InputStream in, ExportFiles files)
      throws Exception {
    List<ParsedExport> out = new ArrayList<>();
    files.read(
        name,
        in,
        stream -> {
          Table all = null;
          for (Table chunk = stream.next(); chunk != null; chunk = stream.next()) {
            all = all == null ? chunk : all.append(chunk);
          }
          FileReport report = stream.report();
          out.add(new ParsedExport(report, report.refused() ? null : all));
        });
    return out;
  }

  static List<ParsedExport> readAll(String name, byte[] bytes) throws Exception {
    return readAll(name, new ByteArrayInputStream(bytes), new ExportFiles(1_000_000));
  }

  static List<ParsedExport> readAll(Path file) throws Exception {
    return readAll(file.getFileName().toString(), Files.readAllBytes(file));
  }

  static ParsedExport only(List<ParsedExport> exports) {
    assertEquals(1, exports.size(), () -> exports.toString());
    return exports.get(0);
  }

  /** A workbook made with POI's user model: sheets of rows of cells (String or Number). */
  static byte[] workbook(Object[][]... sheets) throws IOException {
    List<String> names = new ArrayList<>();
    for (int s = 0; s < sheets.length; s++) {
      names.add("Sheet" + (s + 1));
    }
    return workbook(names, sheets);
  }

  /** As {@link #workbook(Object[][]...)}, the sheets named. */
  static byte[] workbook(List<String> names, Object[][]... sheets) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int s = 0; s < sheets.length; s++) {
        Sheet sheet = wb.createSheet(names.get(s));
        for (int r = 0; r < sheets[s].length; r++) {
          Row row = sheet.createRow(r);
          for (int c = 0; c < sheets[s][r].length; c++) {
            Object v = sheets[s][r][c];
            if (v == null) {
              continue;
            }
            Cell cell = row.createCell(c);
            if (v instanceof Number n) {
              cell.setCellValue(n.doubleValue());
            } else if (v instanceof LocalDateTime t) {
              CellStyle style = wb.createCellStyle();
              style.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
              cell.setCellValue(t);
              cell.setCellStyle(style);
            } else {
              cell.setCellValue(v.toString());
            }
          }
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  static byte[] zip(Object... nameThenBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (int i = 0; i < nameThenBytes.length; i += 2) {
        String name = (String) nameThenBytes[i];
        zip.putNextEntry(new ZipEntry(name));
        if (!name.endsWith("/")) {
          zip.write((byte[]) nameThenBytes[i + 1]);
        }
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /**
   * The archive with each entry marked encrypted (general-purpose bit 0) in its local and central
   * headers, as a zip made with a password is.
   */
  static byte[] encryptedFlag(byte[] zip) {
    byte[] bytes = zip.clone();
    for (int i = 0; i + 4 <= bytes.length; i++) {
      if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4) {
        bytes[i + 6] |= 1;
      }
      if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2) {
        bytes[i + 8] |= 1;
      }
    }
    return bytes;
  }

  /** The workbook encrypted with a password, as Excel saves it. */
  static byte[] encrypted(byte[] workbook) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      Encryptor encryptor = new EncryptionInfo(EncryptionMode.standard).getEncryptor();
      encryptor.confirmPassword("secret");
      try (OutputStream data = encryptor.getDataStream(fs)) {
        data.write(workbook);
      }
      fs.writeFilesystem(out);
    }
    return out.toByteArray();
  }

  /** An old binary Excel workbook (.xls) of one header cell. */
  static byte[] xls() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (HSSFWorkbook xls = new HSSFWorkbook()) {
      xls.createSheet("订单").createRow(0).createCell(0).setCellValue("子订单编号");
      xls.write(out);
    }
    return out.toByteArray();
  }

  static final Object[] ORDERS_HEADER = {"子订单编号", "商品数量", "商品ID", "订单应付金额", "订单提交时间"};

  @Test
  void the_orders_workbook_gives_the_csv_exports_rows_and_refusals() throws Exception {
    ParsedExport xlsx = only(readAll(REAL.resolve("订单明细.xlsx")));
    ParsedExport csv = only(readAll(CSV.resolve("订单明细.csv")));
    assertEquals("订单明细.xlsx [订单明细]", xlsx.report().name());
    assertEquals("orders", xlsx.report().kind());
    assertEquals("XLSX", xlsx.report().encoding());
    assertEquals(csv.report().rowsRead(), xlsx.report().rowsRead());
    assertEquals(csv.report().rowsAccepted(), xlsx.report().rowsAccepted());
    // Refused rows name the same sheet row as the CSV's line, column and reason.
    assertEquals(
        csv.report().errors().stream().map(e -> e.line() + e.column() + e.code()).toList(),
        xlsx.report().errors().stream().map(e -> e.line() + e.column() + e.code()).toList());
    for (String column :
        List.of(
            "sub_order_id",
            "order_id",
            "product_id",
            "quantity",
            "unit_price",
            "payable_amount",
            "submitted_at",
            "paid_at",
            "completed_at",
            "order_status",
            "after_sale_status",
            "affiliate_id",
            "logistics")) {
      assertEquals(
          csv.table().column(column).asList(), xlsx.table().column(column).asList(), column);
    }
  }

  @Test
  void one_day_product_card_files_in_a_zip_form_the_daily_traffic_of_the_csv_layout()
      throws Exception {
    List<ParsedExport> members = readAll(REAL.resolve("罗盘商品卡列表数据.zip"));
    ParsedExport csv = only(readAll(CSV.resolve("商品流量.csv")));
    Table daily = null;
    for (ParsedExport member : members) {
      assertEquals("traffic", member.report().kind(), member.report().toString());
      assertTrue(member.report().name().startsWith("罗盘商品卡列表数据.zip/商品卡列表数据_2026_"));
      daily = daily == null ? member.table() : daily.append(member.table());
    }
    assertEquals(csv.table().rowCount(), daily.rowCount());
    Table expected = csv.table().sortOn("product_id", "date");
    daily = daily.sortOn("product_id", "date");
    for (String column :
        List.of("date", "product_id", "impressions", "visitors", "buyers", "paid_orders", "gmv")) {
      assertEquals(expected.column(column).asList(), daily.column(column).asList(), column);
    }
  }

  @Test
  void commission_orders_keep_ids_as_text_and_rates_as_fractions() throws Exception {
    ParsedExport commissions = only(readAll(REAL.resolve("精选联盟订单明细.xlsx")));
    assertEquals("commissions", commissions.report().kind(), commissions.report().toString());
    assertEquals(0, commissions.report().rowsRejected());
    Table t = commissions.table();
    assertTrue(t.stringColumn("sub_order_id").allMatch(id -> id.matches("\\d{19}")));
    assertTrue(t.stringColumn("product_id").allMatch(id -> id.matches("\\d{19}")));
    assertTrue(t.doubleColumn("commission_rate").allMatch((double r) -> r > 0 && r < 1));
  }

  @Test
  void after_sales_are_keyed_by_the_sub_order_with_their_refund_and_times() throws Exception {
    ParsedExport afterSales = only(readAll(REAL.resolve("售后列表.csv")));
    assertEquals("after_sales", afterSales.report().kind(), afterSales.report().toString());
    Table t = afterSales.table();
    assertEquals(afterSales.report().rowsRead(), t.rowCount());
    assertEquals("6920000000030001636", t.stringColumn("sub_order_id").get(0));
    assertEquals(9.90, t.doubleColumn("refund_amount").get(0)); // header 退商品金额（元）
    assertEquals("同意退款，退款成功", t.stringColumn("status").get(0));
    assertEquals(LocalDateTime.of(2026, 5, 4, 3, 58, 4), t.dateTimeColumn("applied_at").get(0));
    assertFalse(t.booleanColumn("express_refund").get(0));
  }

  @Test
  void every_sheet_of_a_workbook_is_reported_with_its_kind_or_its_reason() throws Exception {
    byte[] book =
        workbook(
            new Object[][] {
              ORDERS_HEADER,
              {"6920000000000000001", 1, "3500000000000000001", 9.9, "2026-05-01 10:00:00"}
            },
            new Object[][] {},
            new Object[][] {{"说明"}, {"本表仅供参考"}});
    List<ParsedExport> sheets = readAll("book.xlsx", book);
    assertEquals(3, sheets.size());
    assertEquals("book.xlsx [Sheet1]", sheets.get(0).report().name());
    assertEquals("orders", sheets.get(0).report().kind());
    assertEquals("file_empty", sheets.get(1).report().messageCode());
    assertEquals("book.xlsx [Sheet2]", sheets.get(1).report().name());
    assertEquals("file_unknown_kind", sheets.get(2).report().messageCode());
  }

  @Test
  void cells_keep_ids_as_text_read_excel_serials_as_times_and_refuse_ids_turned_into_numbers()
      throws Exception {
    byte[] book =
        workbook(
            new Object[][] {
              ORDERS_HEADER,
              {
                "6920000000000000001",
                2,
                "3500000000000000001",
                19.8,
                LocalDateTime.of(2026, 9, 10, 8, 0)
              },
              {"\t6920000000000000002", 1.0, "3500000000000000001\t", "¥9.90", "2026/9/10 8:00"},
              {6.92e18, 1, "3500000000000000001", 9.9, "2026-09-10 08:00:00"},
              {
                "6920000000000000004",
                1,
                "3500000000000000001",
                0.1 + 0.2,
                "2026-09-10 08:00:00",
                null,
                ""
              },
            });
    ParsedExport sheet = only(readAll("orders.xlsx", book));
    Table t = sheet.table();
    assertEquals(3, t.rowCount(), sheet.report().toString());
    assertEquals("6920000000000000001", t.stringColumn("sub_order_id").get(0));
    assertEquals(LocalDateTime.of(2026, 9, 10, 8, 0), t.dateTimeColumn("submitted_at").get(0));
    assertEquals(2, t.intColumn("quantity").get(0));
    assertEquals("6920000000000000002", t.stringColumn("sub_order_id").get(1));
    assertEquals("3500000000000000001", t.stringColumn("product_id").get(1));
    assertEquals(LocalDateTime.of(2026, 9, 10, 8, 0), t.dateTimeColumn("submitted_at").get(1));
    assertEquals(0.3, t.doubleColumn("payable_amount").get(2)); // 0.30000000000000004 as written
    RowError lost = onlyError(sheet.report().errors());
    assertEquals(4, lost.line());
    assertEquals("子订单编号", lost.column());
    assertEquals("scientific_id", lost.code());
  }

  static RowError onlyError(List<RowError> errors) {
    assertEquals(1, errors.size(), errors::toString);
    return errors.get(0);
  }

  @Test
  void an_archive_is_read_member_by_member_through_folders_and_inner_archives() throws Exception {
    byte[] orders =
        "子订单编号,商品数量,商品ID,订单应付金额,订单提交时间\n6920000000000000001,1,3500000000000000001,9.90,2026-05-01 10:00:00\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] inner = zip("评价/readme.txt", "not an export".getBytes(StandardCharsets.UTF_8));
    byte[] outer =
        zip(
            "2026-05/",
            null,
            "2026-05/订单明细.csv",
            orders,
            "2026-05/book.xlsx",
            workbook(new Object[][] {ORDERS_HEADER}),
            "inner.zip",
            inner,
            "notes.pdf",
            new byte[] {'%', 'P', 'D', 'F', 0, 1, 2, 3});
    List<ParsedExport> members = readAll("bundle.zip", outer);
    assertEquals(
        List.of(
            "bundle.zip/2026-05/book.xlsx [Sheet1]",
            "bundle.zip/2026-05/订单明细.csv",
            "bundle.zip/inner.zip/评价/readme.txt",
            "bundle.zip/notes.pdf"),
        members.stream().map(m -> m.report().name()).toList());
    assertEquals("file_header_only", members.get(0).report().messageCode());
    assertEquals("orders", members.get(1).report().kind());
    assertEquals(1, members.get(1).table().rowCount());
    assertEquals("file_unknown_kind", members.get(2).report().messageCode());
    assertEquals("file_binary", members.get(3).report().messageCode());
  }

  @Test
  void an_old_xls_workbook_is_refused_with_save_as_xlsx_or_csv() throws Exception {
    ParsedExport refused = only(readAll("订单明细.xls", xls()));
    assertEquals("file_xls", refused.report().messageCode());
    assertTrue(refused.report().message().contains("save as .xlsx or .csv"));
    assertEquals("订单明细.xls", refused.report().name());
  }

  @Test
  void a_password_protected_workbook_is_refused_with_that_reason() throws Exception {
    byte[] plain = workbook(new Object[][] {ORDERS_HEADER});
    ParsedExport refused = only(readAll("订单明细.xlsx", encrypted(plain)));
    assertEquals("file_workbook_encrypted", refused.report().messageCode());
  }

  @Test
  void a_password_protected_archive_is_refused_with_that_reason() throws Exception {
    ParsedExport refused =
        only(readAll("资金流水.zip", encryptedFlag(zip("订单明细.csv", new byte[] {1, 2, 3, 4}))));
    assertEquals("file_zip_encrypted", refused.report().messageCode());
    assertEquals("资金流水.zip", refused.report().name());
  }

  @Test
  void a_damaged_archive_or_workbook_is_refused_with_that_reason() throws Exception {
    byte[] good = zip("a.csv", "x".getBytes(StandardCharsets.UTF_8));
    byte[] cut = java.util.Arrays.copyOf(good, good.length / 2);
    assertEquals("file_zip_damaged", only(readAll("bundle.zip", cut)).report().messageCode());
    byte[] book = workbook(new Object[][] {ORDERS_HEADER});
    byte[] cutBook = java.util.Arrays.copyOf(book, book.length - 200);
    assertEquals(
        "file_workbook_damaged", only(readAll("订单明细.xlsx", cutBook)).report().messageCode());
  }

  @Test
  void an_archive_past_the_unpacking_limits_is_refused_before_its_rows_are_read() throws Exception {
    byte[] zeros = new byte[200_000];
    byte[] bomb = zip("a.csv", zeros);
    ExportFiles small = new ExportFiles(1_000_000, 100_000, 10);
    ParsedExport tooLarge = only(readAll("bomb.zip", new ByteArrayInputStream(bomb), small));
    assertEquals("file_zip_too_large", tooLarge.report().messageCode());
    Object[] many = new Object[2 * 11];
    for (int i = 0; i < 11; i++) {
      many[2 * i] = "f" + i + ".csv";
      many[2 * i + 1] = new byte[] {'x'};
    }
    ParsedExport tooMany = only(readAll("many.zip", new ByteArrayInputStream(zip(many)), small));
    assertEquals("file_zip_too_many_entries", tooMany.report().messageCode());
  }

  @Test
  void archives_nested_past_the_depth_limit_are_refused() throws Exception {
    byte[] nested = zip("a.csv", "x".getBytes(StandardCharsets.UTF_8));
    for (int depth = 0; depth < ExportFiles.MAX_ZIP_DEPTH; depth++) {
      nested = zip("level" + depth + ".zip", nested);
    }
    ParsedExport refused = only(readAll("outer.zip", nested));
    assertEquals("file_zip_too_deep", refused.report().messageCode());
  }

  static final Object[] CARD_HEADER = {
    "商品标题", "商品ID", "商品卡曝光人数", "商品卡点击人数", "商品卡点击率(人数)", "商品卡用户支付金额(元)"
  };

  @Test
  void a_product_card_file_over_several_days_is_a_period_total_kept_apart() throws Exception {
    byte[] book =
        workbook(new Object[][] {CARD_HEADER, {"面霜", "3500000000000000001", 1200, 96, 0.08, 99.0}});
    ParsedExport period = only(readAll("商品卡列表数据_2026_05_01~2026_05_31.xlsx", book));
    assertEquals("traffic_periods", period.report().kind(), period.report().toString());
    Table t = period.table();
    assertEquals("2026-05-01", t.dateColumn("period_start").get(0).toString());
    assertEquals("2026-05-31", t.dateColumn("period_end").get(0).toString());
    assertEquals(0.08, t.doubleColumn("click_rate").get(0));
    assertEquals(99.0, t.doubleColumn("gmv").get(0));
    ParsedExport day = only(readAll("商品卡列表数据_2026_05_02~2026_05_02.xlsx", book));
    assertEquals("traffic", day.report().kind());
    assertEquals("2026-05-02", day.table().dateColumn("date").get(0).toString());
  }

  @Test
  void a_product_card_file_renamed_without_its_period_is_refused_saying_why() throws Exception {
    byte[] book = workbook(new Object[][] {CARD_HEADER, {"面霜", "3500000000000000001", 1, 1, 1, 1}});
    ParsedExport refused = only(readAll("商品卡.xlsx", book));
    assertEquals("file_no_period", refused.report().messageCode());
    String csv =
        String.join(",", List.of("商品ID", "商品卡曝光人数", "商品卡点击人数")) + "\n3500000000000000001,1,1\n";
    ParsedExport refusedCsv = only(readAll("cards.csv", csv.getBytes(StandardCharsets.UTF_8)));
    assertEquals("file_no_period", refusedCsv.report().messageCode());
  }

  @Test
  void archive_members_are_copied_to_the_given_folder_while_read_and_removed_after(
      @TempDir Path spool) throws Exception {
    byte[] bundle = zip("订单明细.csv", Files.readAllBytes(CSV.resolve("订单明细.csv")));
    List<Long> copiesWhileRead = new ArrayList<>();
    new ExportFiles(
            1_000_000,
            ExportFiles.DEFAULT_MAX_EXPANDED_BYTES,
            ExportFiles.DEFAULT_MAX_ENTRIES,
            spool)
        .read(
            "bundle.zip",
            new ByteArrayInputStream(bundle),
            stream -> {
              try (var files = Files.list(spool)) {
                copiesWhileRead.add(files.count());
              }
              while (stream.next() != null) {}
            });
    assertEquals(1, copiesWhileRead.size());
    assertTrue(copiesWhileRead.get(0) >= 1, "the archive is copied into the folder given");
    try (var files = Files.list(spool)) {
      assertEquals(0, files.count(), "and removed once read");
    }
  }
}
