package app.rebound.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.rebound.ingest.ExportStamp;
import app.rebound.ingest.FileKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Two exports holding the same 子订单编号 with the same times: the one exported later (by the moment in
 * its file name) is the newer row, whichever was uploaded first; without stamps the later upload
 * wins, as before.
 */
class ExportStampMergeTest {

  private static final String HEADER = "主订单编号,子订单编号,商品ID,商品数量,订单应付金额,订单提交时间,订单状态,售后状态";

  @TempDir Path data;

  private static String row(String afterSale) {
    return "\t6920000000000000001,\t6920000000000000011,3500000000000000001,1,29.90,"
        + "2026-09-10 08:00:00,已发货,"
        + afterSale;
  }

  private static UploadFile file(String name, String afterSale) {
    byte[] bytes = (HEADER + "\n" + row(afterSale) + "\n").getBytes(StandardCharsets.UTF_8);
    return new UploadFile(name, () -> new ByteArrayInputStream(bytes));
  }

  private String storedAfterSale(List<UploadFile> inUploadOrder) throws Exception {
    Path dir = data.resolve("d" + System.nanoTime());
    try (Workspaces ws = new Workspaces(dir, Clock.systemDefaultZone())) {
      for (UploadFile f : inUploadOrder) {
        ws.upload("s", List.of(f), p -> {});
      }
      Table orders = ws.database("s").load(FileKind.ORDERS, false);
      assertEquals(1, orders.rowCount());
      return orders.stringColumn("after_sale_status").get(0);
    }
  }

  @Test
  void the_later_export_moment_wins_a_tie_whichever_is_uploaded_first() throws Exception {
    UploadFile earlier = file("1791430000_订单明细.csv", "售后中");
    UploadFile later = file("1791516400_订单明细.csv", "退款成功");
    assertEquals("退款成功", storedAfterSale(List.of(earlier, later)));
    assertEquals("退款成功", storedAfterSale(List.of(later, earlier)));
  }

  @Test
  void a_compact_stamp_in_the_name_counts_as_well() throws Exception {
    UploadFile earlier = file("订单明细_20260910090000.csv", "售后中");
    UploadFile later = file("bundle.zip/订单明细_20260911090000.csv", "退款成功");
    assertEquals("退款成功", storedAfterSale(List.of(later, earlier)));
  }

  @Test
  void without_stamps_the_later_upload_wins_a_tie() throws Exception {
    UploadFile first = file("订单明细.csv", "售后中");
    UploadFile second = file("订单明细 (1).csv", "退款成功");
    assertEquals("退款成功", storedAfterSale(List.of(first, second)));
    assertEquals("售后中", storedAfterSale(List.of(second, first)));
  }

  @Test
  void a_later_event_still_beats_a_later_stamp() throws Exception {
    byte[] newer =
        (HEADER + "\n" + row("售后中").replace("08:00:00", "09:00:00") + "\n")
            .getBytes(StandardCharsets.UTF_8);
    UploadFile newerEvent =
        new UploadFile("1791430000_订单明细.csv", () -> new ByteArrayInputStream(newer));
    UploadFile laterStamp = file("1791516400_订单明细.csv", "退款成功");
    assertEquals("售后中", storedAfterSale(List.of(newerEvent, laterStamp)));
  }

  @Test
  void names_without_a_moment_have_no_stamp() {
    assertEquals(OptionalLong.empty(), ExportStamp.of("订单明细.csv"));
    assertEquals(OptionalLong.empty(), ExportStamp.of("抖音电商罗盘-成交分析-20260901-20260930.xlsx"));
    assertEquals(OptionalLong.empty(), ExportStamp.of("订单_20261399990000.csv")); // no such moment
    assertEquals(
        ExportStamp.of("1791430000_订单明细.csv"),
        ExportStamp.of("a.zip/x/1791430000_订单明细.xlsx [Sheet1]"));
    assertEquals(
        1791430000L - ExportStamp.EPOCH, ExportStamp.of("1791430000_订单明细.csv").getAsLong());
  }

  @Test
  void stored_recency_from_before_stamps_is_scaled_so_old_rows_still_compare_by_event()
      throws Exception {
    Path dir = data.resolve("old");
    try (Workspaces ws = new Workspaces(dir, Clock.systemDefaultZone())) {
      byte[] shippedLater =
          (HEADER + "\n" + row("退款成功").replace("08:00:00", "09:00:00") + "\n")
              .getBytes(StandardCharsets.UTF_8);
      ws.upload(
          "s",
          List.of(new UploadFile("订单明细.csv", () -> new ByteArrayInputStream(shippedLater))),
          p -> {});
    }
    // Back to schema 4: recency was the latest event alone.
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + dir.resolve("shops").resolve("s").resolve("shop.db"));
        Statement s = c.createStatement()) {
      for (String table : List.of("rows_orders", "held_orders")) {
        s.execute("UPDATE " + table + " SET recency = recency / " + Merge.STAMP_SPAN);
      }
      s.execute("PRAGMA user_version = 4");
    }
    try (Workspaces ws = new Workspaces(dir, Clock.systemDefaultZone())) {
      ws.upload("s", List.of(file("1791430000_订单明细.csv", "售后中")), p -> {});
      Table orders = ws.database("s").load(FileKind.ORDERS, false);
      // The stored row's event is later: an unscaled recency would lose to any new row.
      assertEquals("退款成功", orders.stringColumn("after_sale_status").get(0));
    }
  }
}
