package app.rebound.store;

import static app.rebound.store.WorkspacesTest.CLOCK;
import static app.rebound.store.WorkspacesTest.HEADER;
import static app.rebound.store.WorkspacesTest.csv;
import static app.rebound.store.WorkspacesTest.order;
import static app.rebound.store.WorkspacesTest.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.analysis.ShopData;
import app.rebound.ingest.CompassFiles;
import app.rebound.ingest.FileKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The snapshots beside a shop's database must give exactly the rows the database holds, in its
 * order, whether made from every row, brought up to date from an older snapshot with the rows
 * changed since, or thrown away and made again.
 */
class RowSnapshotsTest {

  @TempDir Path data;

  private Path snapshots() {
    return data.resolve("shops").resolve("shop1").resolve("snapshots");
  }

  /**
   * What the database alone gives: the snapshots removed first, so every row is read from SQLite.
   */
  private Table fromDatabaseOnly(Workspaces ws, FileKind kind, List<String> fields)
      throws Exception {
    PathUtils.deleteDirectory(snapshots());
    return ws.database("shop1").load(kind, fields);
  }

  private static void assertSameRows(Table expected, Table actual) {
    assertEquals(expected.columnNames(), actual.columnNames());
    assertEquals(expected.rowCount(), actual.rowCount());
    for (int c = 0; c < expected.columnCount(); c++) {
      Column<?> e = expected.column(c);
      Column<?> a = actual.column(c);
      for (int row = 0; row < expected.rowCount(); row++) {
        assertEquals(e.getString(row), a.getString(row), e.name() + " row " + row);
      }
    }
  }

  private static List<String> snapshotFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void weekly_uploads_bring_the_snapshot_up_to_date_with_only_the_changed_rows() throws Exception {
    Random random = new Random(11);
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      StringBuilder first = new StringBuilder(HEADER);
      for (int i = 0; i < 300; i++) {
        first.append(order(String.valueOf(5000 + i), "已发货", "2026-05-02 10:00:00", ""));
      }
      ws.upload("shop1", List.of(csv("month.csv", first.toString())), s -> {});
      Table firstLoad = ws.database("shop1").load(FileKind.ORDERS, ShopData.ANALYSIS_ORDER_FIELDS);
      assertEquals(300, firstLoad.rowCount());
      ws.database("shop1").load(FileKind.ORDERS, ShopData.ANALYSIS_ORDER_FIELDS);
      assertEquals(0, ws.database("shop1").rowsReadFromDatabase(), "read from the snapshot alone");
      assertTrue(
          snapshotFiles(snapshots()).contains("orders-1.avro"),
          snapshotFiles(snapshots()).toString());

      for (int week = 0; week < 4; week++) {
        StringBuilder next = new StringBuilder(HEADER);
        for (int i = 0; i < 40; i++) {
          int id =
              4900
                  + random.nextInt(500); // new ids below and above the stored ones, and stored ones
          boolean older =
              random.nextInt(4) == 0; // an older export's row must not undo a newer status
          next.append(
              older
                  ? order(String.valueOf(id), "待发货", "", "")
                  : order(
                      String.valueOf(id),
                      "已完成",
                      "2026-05-02 10:00:00",
                      "2026-05-0" + (3 + week) + " 10:00:00"));
        }
        ws.upload("shop1", List.of(csv("week" + week + ".csv", next.toString())), s -> {});
        Table updated = ws.database("shop1").load(FileKind.ORDERS, ShopData.ANALYSIS_ORDER_FIELDS);
        long changed = ws.database("shop1").rowsReadFromDatabase();
        assertTrue(
            changed > 0 && changed <= 40, "only the week's changed rows are read back: " + changed);
        assertEquals(
            List.of("orders-" + (week + 2) + ".avro"),
            snapshotFiles(snapshots()).stream().filter(f -> f.startsWith("orders-")).toList(),
            "the older snapshot is replaced");
        assertSameRows(
            fromDatabaseOnly(ws, FileKind.ORDERS, ShopData.ANALYSIS_ORDER_FIELDS), updated);
        ws.database("shop1")
            .load(FileKind.ORDERS, ShopData.ANALYSIS_ORDER_FIELDS); // the snapshot made again
      }
    }
  }

  /**
   * A file of every kind: the CSV sample's seven, the kinds only the real downloads give
   * (after-sales, commission orders, a period total, settlements), the 罗盘 成交分析 workbook and a
   * traffic-source file, built as downloaded.
   */
  private static List<UploadFile> everyKind() throws IOException {
    List<UploadFile> files = new ArrayList<>();
    for (String name :
        List.of(
            "订单明细.csv",
            "销量删除记录.csv",
            "商品流量.csv",
            "评价.csv",
            "店铺体验分.csv",
            "达人合作.csv",
            "客服聊天记录.csv")) {
      files.add(sample(name));
    }
    // The kinds only the real downloads give: after-sales, commission orders, a period total,
    // settlements.
    for (String resource :
        List.of(
            "douyin-export-real-small/售后列表.csv",
            "douyin-export-real-small/精选联盟订单明细.xlsx",
            "compass-period/商品卡列表数据_2026_05_01~2026_05_31.csv",
            "settlement/结算账单.csv")) {
      files.add(
          new UploadFile(
              resource.substring(resource.indexOf('/') + 1),
              () -> RowSnapshotsTest.class.getResourceAsStream("/samples/" + resource)));
    }
    // The 罗盘 成交分析 workbook and a traffic-source file, built as downloaded.
    byte[] deal =
        CompassFiles.dealWorkbook(
            LocalDate.of(2026, 5, 1),
            LocalDate.of(2026, 5, 31),
            LocalDate.of(2026, 5, 30),
            List.of("3500000000003000009"));
    byte[] sources = CompassFiles.sourcesWorkbook(1);
    files.add(
        new UploadFile("抖音电商罗盘-成交分析-20260501-20260531.xlsx", () -> new ByteArrayInputStream(deal)));
    files.add(
        new UploadFile(
            "商品卡流量分析流量来源数据_2026_05_01~2026_05_31.xlsx", () -> new ByteArrayInputStream(sources)));
    return files;
  }

  @Test
  void every_kind_of_the_sample_reads_back_the_same_from_its_snapshot() throws Exception {
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      List<UploadFile> files = everyKind();
      ws.upload("shop1", files, s -> {});
      for (FileKind kind : FileKind.values()) {
        List<String> all = kind.fields().stream().map(f -> f.name()).toList();
        Table first = ws.database("shop1").load(kind, all); // made from every row, then written
        Table again = ws.database("shop1").load(kind, all); // read from the snapshot
        assertTrue(first.rowCount() > 0, kind.id());
        assertSameRows(first, again);
        assertSameRows(fromDatabaseOnly(ws, kind, all), again);
      }
    }
  }

  @Test
  void rows_a_first_upload_kept_in_hand_make_the_snapshot_a_load_would() throws Exception {
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      ws.database("shop1"); // created empty first, as the server's new shop is
      StringBuilder orders = new StringBuilder(HEADER);
      for (int i = 0; i < 300; i++) {
        orders.append(order(String.valueOf(9000 - i), "已发货", "2026-05-02 10:00:00", ""));
      }
      List<UploadFile> files = new ArrayList<>(everyKind());
      files.set(0, csv("订单明细.csv", orders.toString())); // the sample's orders repeat a key
      RowsInHand inHand = new RowsInHand(Map.of(FileKind.ORDERS, ShopData.ANALYSIS_ORDER_FIELDS));
      ws.upload("shop1", files, s -> {}, inHand);
      assertTrue(inHand.table(FileKind.ORDERS).isPresent(), "every order was new");
      List<FileKind> kept = new ArrayList<>();
      for (FileKind kind : FileKind.values()) {
        // A kind whose file repeats a key (the commission orders') is read from the store.
        if (inHand.table(kind).isEmpty()) {
          continue;
        }
        kept.add(kind);
        Table rows = inHand.table(kind).get();
        assertTrue(rows.rowCount() > 0, kind.id());
        ws.database("shop1").keepSnapshot(kind, rows);
        List<String> fields = rows.columnNames();
        Table fromSnapshot = ws.database("shop1").load(kind, fields);
        assertEquals(0, ws.database("shop1").rowsReadFromDatabase(), kind.id() + ": kept");
        assertSameRows(fromDatabaseOnly(ws, kind, fields), fromSnapshot);
      }
      assertTrue(kept.size() >= FileKind.values().length - 2, kept.toString());
    }
  }

  @Test
  void rows_in_hand_that_are_not_all_the_stored_rows_are_not_kept() throws Exception {
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      RowsInHand inHand = new RowsInHand(Map.of());
      ws.upload(
          "shop1",
          List.of(
              csv("订单明细.csv", HEADER + order("7001", "已发货", "2026-05-02 10:00:00", "")),
              sample("评价.csv")),
          s -> {},
          inHand);
      Table rows = inHand.table(FileKind.REVIEWS).orElseThrow();
      Table fewer = rows.dropRows(0);
      assertThrows(
          IllegalArgumentException.class,
          () -> ws.database("shop1").keepSnapshot(FileKind.REVIEWS, fewer));
      assertFalse(Files.exists(snapshots()), "nothing written");
    }
  }

  @Test
  void a_damaged_snapshot_is_made_again_from_the_database() throws Exception {
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      ws.upload("shop1", List.of(sample("订单明细.csv")), s -> {});
      Table expected = ws.database("shop1").load(FileKind.ORDERS, ShopData.ANALYSIS_ORDER_FIELDS);
      Path file = snapshots().resolve("orders-1.avro");
      byte[] bytes = Files.readAllBytes(file);
      Files.write(file, Arrays.copyOf(bytes, bytes.length / 2)); // cut short, as a full disk would
      assertSameRows(
          expected, ws.database("shop1").load(FileKind.ORDERS, ShopData.ANALYSIS_ORDER_FIELDS));
      assertEquals(bytes.length, Files.size(file), "written whole again");
    }
  }

  @Test
  void a_snapshot_without_a_requested_column_is_not_used() throws Exception {
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      ws.upload("shop1", List.of(sample("订单明细.csv")), s -> {});
      ws.database("shop1").load(FileKind.ORDERS, List.of("sub_order_id", "product_id"));
      Table wider =
          ws.database("shop1")
              .load(FileKind.ORDERS, List.of("sub_order_id", "product_id", "buyer_note"));
      assertSameRows(
          fromDatabaseOnly(
              ws, FileKind.ORDERS, List.of("sub_order_id", "product_id", "buyer_note")),
          wider);
    }
  }

  @Test
  void keys_sort_as_sqlite_sorts_them_above_the_basic_plane() {
    // U+FF5E (a full-width tilde) is below U+1F600 (an emoji) in code points and in UTF-8, but
    // above its surrogates in UTF-16, where String.compareTo would put the emoji first.
    assertTrue(KeyOrder.compareCodePoints("\uFF5E", "\uD83D\uDE00") < 0);
    assertTrue("\uFF5E".compareTo("\uD83D\uDE00") > 0);
    assertTrue(KeyOrder.compareCodePoints("a", "ab") < 0);
    assertEquals(0, KeyOrder.compareCodePoints("订单", "订单"));
  }
}
