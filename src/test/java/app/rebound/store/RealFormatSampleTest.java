package app.rebound.store;

import static org.junit.jupiter.api.Assertions.*;

import app.rebound.analysis.ShopData;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.FileReport;
import app.rebound.ingest.IngestReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The small sample shop as merchants download it (.xlsx orders, a .zip of one-day 罗盘 product cards,
 * 精选联盟 commission orders, a 售后 export, reviews in GB18030) gives the same stored tables as the same
 * shop in the CSV layouts.
 */
class RealFormatSampleTest {

  static final Path REAL = Path.of("src/test/resources/samples/douyin-export-real-small");
  static final Path CSV = Path.of("src/test/resources/samples/douyin-export-small");
  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

  @TempDir Path data;

  static List<UploadFile> folder(Path dir, String... leaveOut) throws IOException {
    List<String> skip = List.of(leaveOut);
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> !p.getFileName().toString().endsWith(".md"))
          .filter(p -> !skip.contains(p.getFileName().toString()))
          .sorted()
          .map(p -> new UploadFile(p.getFileName().toString(), () -> Files.newInputStream(p)))
          .toList();
    }
  }

  @Test
  void the_real_format_sample_gives_the_csv_samples_orders_deletions_reviews_and_traffic()
      throws Exception {
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      IngestReport real = ws.upload("real", folder(REAL), s -> {});
      IngestReport csv = ws.upload("csv", folder(CSV, "订单明细-GBK.csv"), s -> {});
      // Every file, sheet and member is in the report with its kind: 1 orders sheet, 45 one-day
      // product-card files, 1 commission sheet and 5 CSVs.
      List<String> kinds = new ArrayList<>();
      for (FileReport file : real.files()) {
        assertNull(file.message(), file.name());
        kinds.add(file.kind());
      }
      assertEquals(45, kinds.stream().filter("traffic"::equals).count());
      assertTrue(kinds.containsAll(List.of("orders", "commissions", "after_sales", "reviews")));
      assertEquals(csv.ordersDistinct(), real.ordersDistinct());

      ShopData fromReal = everyColumn(ws.database("real"));
      ShopData fromCsv = everyColumn(ws.database("csv"));
      assertSameRows(
          fromCsv.table(FileKind.ORDERS),
          fromReal.table(FileKind.ORDERS),
          List.of(
              "sub_order_id",
              "order_id",
              "product_id",
              "quantity",
              "unit_price",
              "payable_amount",
              "submitted_at",
              "paid_at",
              "shipped_at",
              "completed_at",
              "order_status",
              "after_sale_status",
              "affiliate_id",
              "logistics",
              "sales_deleted"));
      assertSameRows(
          fromCsv.table(FileKind.DELETIONS),
          fromReal.table(FileKind.DELETIONS),
          List.of("sub_order_id", "processed_at", "notice_id"));
      assertSameRows(
          fromCsv.table(FileKind.REVIEWS),
          fromReal.table(FileKind.REVIEWS),
          List.of("sub_order_id", "product_id", "reviewed_at", "rating", "content"));
      assertSameRows(
          fromCsv.table(FileKind.TRAFFIC),
          fromReal.table(FileKind.TRAFFIC),
          List.of("date", "product_id", "impressions", "visitors", "buyers", "paid_orders", "gmv"));
      assertTrue(fromReal.table(FileKind.COMMISSIONS).rowCount() > 0);
      assertTrue(fromReal.table(FileKind.AFTER_SALES).rowCount() > 0);
    }
  }

  static ShopData everyColumn(ShopDatabase db) throws Exception {
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    for (FileKind kind : FileKind.values()) {
      tables.put(kind, db.load(kind, kind.fields().stream().map(f -> f.name()).toList()));
    }
    return ShopData.of(tables);
  }

  static void assertSameRows(Table expected, Table actual, List<String> columns) {
    assertTrue(expected.rowCount() > 0, expected.name());
    assertEquals(expected.rowCount(), actual.rowCount(), expected.name());
    String[] key = columns.subList(0, 3).toArray(String[]::new);
    Table e = expected.sortOn(key);
    Table a = actual.sortOn(key);
    for (String column : columns) {
      assertEquals(
          e.column(column).asList(), a.column(column).asList(), expected.name() + "." + column);
    }
  }
}
