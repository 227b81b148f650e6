package app.rebound.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.analysis.ImpactAnalysis;
import app.rebound.analysis.ShopData;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.FileReport;
import app.rebound.ingest.IngestReport;
import app.rebound.ingest.KindTable;
import app.rebound.ingest.RowError;
import app.rebound.service.StoredShop;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The bad-input corpus (src/test/resources/bad-input, plus files too big to keep in the repository,
 * made here) uploaded onto a shop that already holds the sample's orders. Each file gets a clear
 * refusal that says where and why, or a partial accept with its refused rows by line; nothing
 * stored before is lost.
 */
class BadInputCorpusTest {

  static final Path CORPUS = Path.of("src/test/resources/bad-input");
  static final Path SAMPLES = Path.of("src/test/resources/samples/douyin-export-small");
  static final String SHOP = "corpus";

  @TempDir Path data;
  Workspaces workspaces;
  long ordersBefore;
  long uploadBefore;

  @BeforeEach
  void aShopWithTheSamplesOrders() throws Exception {
    workspaces = new Workspaces(data, Clock.systemDefaultZone());
    workspaces.upload(SHOP, List.of(file(SAMPLES.resolve("订单明细.csv"))), p -> {});
    ordersBefore = workspaces.database(SHOP).count(FileKind.ORDERS);
    uploadBefore = workspaces.database(SHOP).latestUploadId().orElseThrow();
  }

  @AfterEach
  void close() throws Exception {
    workspaces.close();
  }

  static UploadFile file(Path path) {
    return new UploadFile(path.getFileName().toString(), () -> Files.newInputStream(path));
  }

  static UploadFile bytes(String name, byte[] content) {
    return new UploadFile(name, () -> new ByteArrayInputStream(content));
  }

  /** Uploads a file that must be refused whole, and checks the shop is exactly as it was. */
  FileReport refused(UploadFile upload) throws Exception {
    UploadRefusedException e =
        assertThrows(
            UploadRefusedException.class,
            () -> workspaces.upload(SHOP, List.of(upload), p -> {}),
            upload.name());
    FileReport report = e.report().files().get(0);
    assertTrue(report.refused(), upload.name());
    assertEquals(upload.name(), report.name(), "the refusal names the file");
    assertEquals(
        ordersBefore, workspaces.database(SHOP).count(FileKind.ORDERS), "stored orders untouched");
    assertEquals(
        uploadBefore,
        workspaces.database(SHOP).latestUploadId().orElseThrow(),
        "no upload recorded");
    assertTrue(
        report.message().length() < 2_000,
        "a readable message: " + report.message().length() + " chars");
    return report;
  }

  FileReport accepted(UploadFile upload) throws Exception {
    IngestReport ingest = workspaces.upload(SHOP, List.of(upload), p -> {});
    FileReport report = ingest.files().get(0);
    assertNull(report.message(), upload.name() + ": " + report.message());
    assertEquals(
        report.rowsRead(),
        report.rowsAccepted() + report.rowsRejected(),
        "rows read = accepted + rejected");
    return report;
  }

  @Test
  void files_that_cannot_be_read_are_refused_whole_saying_why() throws Exception {
    assertTrue(refused(file(CORPUS.resolve("empty.csv"))).message().contains("empty"));
    assertTrue(refused(file(CORPUS.resolve("header-only.csv"))).message().contains("no data rows"));
    assertTrue(refused(file(CORPUS.resolve("binary-garbage.csv"))).message().contains("binary"));
    assertTrue(
        refused(file(CORPUS.resolve("xlsx-renamed.csv")))
            .message()
            .contains("damaged")); // cut zip bytes
    assertTrue(
        refused(file(CORPUS.resolve("duplicate-headers.csv")))
            .message()
            .contains("columns 2 (子订单编号) and 3 (子订单编号) both mean 子订单编号"));
    assertTrue(
        refused(file(CORPUS.resolve("big5.csv")))
            .message()
            .contains("no export kind fits this header"),
        "a Big5 file's header does not read as any export");
  }

  @Test
  void a_file_that_mixes_encodings_is_refused_with_the_line_where_it_breaks() throws Exception {
    FileReport report = refused(file(CORPUS.resolve("mixed-encoding.csv")));
    assertTrue(
        report.message().startsWith("line 7 holds bytes that are neither UTF-8 nor GB18030"),
        report.message());
    assertEquals("file_unknown_encoding", report.messageCode());
  }

  @Test
  void bytes_of_no_encoding_are_reported_on_their_own_line_not_near_it() throws Exception {
    byte[] header =
        String.join(",", java.nio.file.Files.readAllLines(SAMPLES.resolve("订单明细.csv")).get(0))
            .concat("\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] broken = {'1', ',', '2', ',', (byte) 0xFF, (byte) 0xFE, (byte) 0x80, ',', '\n'};
    byte[] file = java.util.Arrays.copyOf(header, header.length + broken.length);
    System.arraycopy(broken, 0, file, header.length, broken.length);
    FileReport report = refused(bytes("line2.csv", file));
    assertTrue(
        report.message().startsWith("bytes that are not valid UTF-8 BOM on line 2:"),
        report.message());

    // Far past the parser's read-ahead the line is still exact: 5,000 good rows, then line 5,002.
    StringBuilder good = new StringBuilder();
    List<String> sample = java.nio.file.Files.readAllLines(SAMPLES.resolve("订单明细.csv"));
    for (int i = 0; i < 5_000; i++) {
      good.append(sample.get(1 + i % 400)).append('\n');
    }
    byte[] rows = good.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] far = java.util.Arrays.copyOf(header, header.length + rows.length + broken.length);
    System.arraycopy(rows, 0, far, header.length, rows.length);
    System.arraycopy(broken, 0, far, header.length + rows.length, broken.length);
    FileReport farReport = refused(bytes("line5002.csv", far));
    assertTrue(farReport.message().contains("on line 5002:"), farReport.message());
  }

  @Test
  void unbalanced_quotes_refuse_the_file_with_the_line_and_keep_nothing_of_it() throws Exception {
    FileReport report = refused(file(CORPUS.resolve("unbalanced-quotes.csv")));
    assertTrue(
        report.message().startsWith("a quoted value is broken near line 3"), report.message());
  }

  @Test
  void a_truncated_export_keeps_its_whole_rows_and_refuses_the_cut_one_by_line() throws Exception {
    FileReport report = accepted(file(CORPUS.resolve("truncated.csv")));
    assertEquals(6, report.rowsRead());
    assertEquals(5, report.rowsAccepted());
    assertEquals(
        List.of(
            new RowError(
                7,
                "",
                "",
                "row has 7 fields, the header has 10 (a broken line or an" + " unbalanced quote)",
                "field_count",
                List.of("7", "10"))),
        report.errors());
  }

  @Test
  void dates_and_money_in_every_broken_form_are_refused_cell_by_cell() throws Exception {
    FileReport report = accepted(file(CORPUS.resolve("broken-dates-and-money.csv")));
    assertEquals(9, report.rowsRead());
    assertEquals(1, report.rowsAccepted(), "only the one good row");
    Set<String> badMoney =
        report.errors().stream()
            .filter(e -> e.column().equals("订单应付金额"))
            .map(RowError::value)
            .collect(Collectors.toSet());
    assertEquals(Set.of("¥", "1,2,3", "12.3.4", "NaN", "1e309", "¥-5", "１２.００", "abc"), badMoney);
    Set<String> badTimes =
        report.errors().stream()
            .filter(e -> e.column().equals("订单提交时间"))
            .map(RowError::value)
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "2026-02-30 10:00:00",
            "2026/13/01 10:00:00",
            "31/12/2026 10:00",
            "yesterday",
            "2026-05-01 25:00:00",
            "",
            "2026-05-01T10:00:00Z",
            "45678.4166"),
        badTimes);
    assertEquals(
        List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L),
        report.errors().stream().map(RowError::line).distinct().sorted().toList(),
        "each refused row by its line");
  }

  /** The shop's impact analysis as JSON: what the merchant would be shown. */
  String analysis() throws Exception {
    ShopData shop = StoredShop.load(workspaces.database(SHOP));
    return Json.MAPPER.writeValueAsString(ImpactAnalysis.run(shop, "en"));
  }

  @Test
  void dates_and_numbers_at_their_extremes_are_refused_per_row_and_change_no_analysis()
      throws Exception {
    String analysisBefore = analysis();
    UploadFile extreme = file(CORPUS.resolve("extreme-dates-and-numbers.csv"));
    IngestReport ingest;
    try {
      ingest = workspaces.upload(SHOP, List.of(extreme), p -> {});
    } catch (UploadRefusedException e) {
      ingest = e.report(); // every row refused: the upload is refused whole
    }
    FileReport report = ingest.files().get(0);
    assertEquals(9, report.rowsRead());
    assertEquals(0, report.rowsAccepted(), "no extreme row is kept");
    assertEquals(
        List.of(
            "2:订单提交时间:date_too_early",
            "3:订单提交时间:date_too_early",
            "4:订单提交时间:date_in_future",
            "5:订单提交时间:date_too_early",
            "6:订单提交时间:date_in_future",
            "7:订单应付金额:implausible_number",
            "8:订单应付金额:implausible_number",
            "9:商品数量:implausible_number",
            "10:支付完成时间:date_in_future"),
        report.errors().stream().map(e -> e.line() + ":" + e.column() + ":" + e.code()).toList());
    String tomorrow = LocalDate.now().plusDays(1).toString();
    for (RowError e : report.errors()) {
      String reason =
          switch (e.code()) {
            case "date_too_early" -> "before 2016-01-01, earlier than any export";
            case "date_in_future" -> "after " + tomorrow + ": an export cannot record";
            default -> e.column().equals("商品数量") ? "at most 100000000" : "at most 1000000000";
          };
      assertTrue(e.reason().contains(reason), e.reason());
    }
    assertEquals(ordersBefore, workspaces.database(SHOP).count(FileKind.ORDERS));
    assertEquals(analysisBefore, analysis(), "the analysis is as before the upload");

    // The corrected export: the refused rows were never stored, so they arrive as new.
    String corrected =
        Files.readString(CORPUS.resolve("extreme-dates-and-numbers.csv"))
            .replace("9999-12-31 23:59:59", "2026-05-02 10:00:00")
            .lines()
            .filter(line -> line.startsWith("主订单编号") || line.contains("2026-05-02 10:00:00"))
            .collect(Collectors.joining("\n"));
    FileReport fixed = accepted(bytes("fixed.csv", corrected.getBytes(StandardCharsets.UTF_8)));
    assertEquals(1, fixed.rowsAccepted());
    assertEquals(1, fixed.changes().added(), "the corrected row is new, not unchanged");
  }

  /** The sample's orders header and first row with {@code extra} unknown columns after them. */
  static byte[] widened(int extra) throws IOException {
    List<String> lines = Files.readAllLines(SAMPLES.resolve("订单明细.csv"));
    StringBuilder header = new StringBuilder(lines.get(0).replace("\uFEFF", ""));
    StringBuilder row = new StringBuilder(lines.get(1));
    for (int i = 0; i < extra; i++) {
      header.append(",x").append(i);
      row.append(',').append(i % 10);
    }
    return (header + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void a_file_of_100000_columns_is_refused_at_once_and_2000_are_kept_in_linear_time()
      throws Exception {
    long start = System.nanoTime();
    FileReport wide = refused(bytes("wide.csv", widened(100_000)));
    assertEquals("file_too_many_columns", wide.messageCode());
    assertTrue(
        wide.message().startsWith("the header has 100,0") && wide.message().contains("2,000"),
        wide.message());
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused within seconds");

    // At the cap, every unknown column is kept.
    int known = Files.readAllLines(SAMPLES.resolve("订单明细.csv")).get(0).split(",").length;
    FileReport kept = accepted(bytes("kept.csv", widened(2_000 - known)));
    assertEquals(1, kept.rowsAccepted());
    Table stored = workspaces.database(SHOP).load(FileKind.ORDERS, true);
    assertTrue(
        stored.columnNames().contains(KindTable.EXTRA_PREFIX + "x" + (1_999 - known)),
        "the last unknown column is kept");
  }

  @Test
  void ids_in_scientific_notation_are_refused_as_ambiguous_never_guessed() throws Exception {
    FileReport report = accepted(file(CORPUS.resolve("scientific-ids.csv")));
    assertEquals(2, report.rowsAccepted());
    assertEquals(
        Set.of("scientific_id"),
        report.errors().stream().map(RowError::code).collect(Collectors.toSet()));
    assertEquals(
        Set.of("主订单编号", "子订单编号", "商品ID"),
        report.errors().stream().map(RowError::column).collect(Collectors.toSet()));
    Table orders = workspaces.database(SHOP).load(FileKind.ORDERS, List.of("sub_order_id"));
    assertTrue(
        orders.stringColumn("sub_order_id").asList().stream().noneMatch(id -> id.contains("E")),
        "no id stored from 6.92E+18");
  }

  @Test
  void formula_cells_and_html_in_product_names_are_kept_as_plain_data() throws Exception {
    // Both files reuse the same order ids, so each is checked right after its upload.
    accepted(file(CORPUS.resolve("formula-cells.csv")));
    assertTrue(
        productNames()
            .containsAll(
                Set.of(
                    "=HYPERLINK(\"http://x\",\"点我\")",
                    "+cmd|' /C calc'!A0",
                    "-1+2",
                    "@SUM(A1:A9)")),
        "stored verbatim; neutralising is the CSV writers' job: " + productNames());
    accepted(file(CORPUS.resolve("html-names.csv")));
    assertTrue(
        productNames()
            .containsAll(
                Set.of(
                    "<script>alert(1)</script>",
                    "<img src=x onerror=alert(2)>",
                    "&lt;b&gt;粗体&lt;/b&gt;")),
        "stored verbatim; escaping is the pages' job: " + productNames());
  }

  Set<String> productNames() throws Exception {
    return Set.copyOf(
        workspaces
            .database(SHOP)
            .load(FileKind.ORDERS, List.of("product_name"))
            .stringColumn("product_name")
            .asList());
  }

  @Test
  void utf16_without_a_byte_order_mark_is_read() throws Exception {
    FileReport report = accepted(file(CORPUS.resolve("utf16le-no-bom.csv")));
    assertEquals("UTF-16LE (no BOM)", report.encoding());
    assertEquals(5, report.rowsAccepted());
  }

  @Test
  void a_ten_megabyte_single_line_is_refused_and_its_error_stays_short() throws Exception {
    byte[] oneLine = "x".repeat(10 * 1024 * 1024).getBytes(StandardCharsets.UTF_8);
    assertTrue(refused(bytes("one-line.csv", oneLine)).message().contains("no export kind fits"));
    String header = Files.readString(CORPUS.resolve("header-only.csv"));
    String row =
        "\"\t1\",\"\t1\",名,"
            + "9".repeat(10 * 1024 * 1024)
            + ",\"\t9\",1.00,2026-05-01 10:00:00,,已完成,-\n";
    FileReport report =
        accepted(bytes("long-cell.csv", (header + row).getBytes(StandardCharsets.UTF_8)));
    assertEquals(1, report.rowsRejected(), "a 10-million-digit quantity is no number of items");
    assertTrue(report.errors().get(0).value().length() < 300, "the value is cut in the report");
  }

  @Test
  void a_million_empty_lines_are_skipped_and_the_rows_around_them_kept() throws Exception {
    String header = Files.readString(CORPUS.resolve("header-only.csv"));
    String row = "\"\t%s\",\"\t%s\",名,1,\"\t9\",1.00,2026-05-01 10:00:00,,已完成,-\n";
    String content =
        header + row.formatted("71", "71") + "\n".repeat(1_000_000) + row.formatted("72", "72");
    FileReport report =
        accepted(bytes("empty-lines.csv", content.getBytes(StandardCharsets.UTF_8)));
    assertEquals(2, report.rowsRead());
    assertEquals(2, report.rowsAccepted());
  }

  @Test
  void a_refused_file_beside_good_ones_is_reported_and_the_good_ones_stored() throws Exception {
    IngestReport report =
        workspaces.upload(
            SHOP,
            List.of(file(CORPUS.resolve("binary-garbage.csv")), file(SAMPLES.resolve("评价.csv"))),
            p -> {});
    assertTrue(report.files().get(0).refused());
    assertTrue(report.files().get(1).rowsAccepted() > 0);
    assertEquals(ordersBefore, workspaces.database(SHOP).count(FileKind.ORDERS));
  }

  @Test
  void every_corpus_file_is_handled_without_an_exception_escaping() throws IOException {
    try (var files = Files.list(CORPUS)) {
      for (Path path : files.sorted().toList()) {
        try {
          workspaces.upload(SHOP, List.of(file(path)), p -> {});
        } catch (UploadRefusedException expected) {
          // a clear refusal is a handled outcome
        } catch (Exception e) {
          throw new AssertionError(path.getFileName() + " escaped as " + e, e);
        }
      }
    }
  }
}
