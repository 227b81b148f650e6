package app.rebound.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.ingest.ExportReader;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.FileReport;
import app.rebound.ingest.IngestReport;
import app.rebound.ingest.MergeCounts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class WorkspacesTest {

  static final String HEADER = "主订单编号,子订单编号,选购商品,商品数量,商品ID,订单应付金额,订单提交时间,发货时间,订单完成时间,订单状态\n";
  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

  @TempDir Path data;

  static UploadFile csv(String name, String content) {
    return new UploadFile(
        name, () -> new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
  }

  static UploadFile sample(String name) {
    return new UploadFile(
        name,
        () -> WorkspacesTest.class.getResourceAsStream("/samples/douyin-export-small/" + name));
  }

  static String order(String id, String status, String shipped, String completed) {
    return "\t"
        + id
        + ",\t"
        + id
        + ",面霜,1,\t3500000000003007928,9.90,2026-05-01 10:00:00,"
        + shipped
        + ","
        + completed
        + ","
        + status
        + "\n";
  }

  IngestReport upload(Workspaces ws, UploadFile... files) throws Exception {
    return ws.upload("shop1", List.of(files), stage -> {});
  }

  @Test
  void reuploading_an_overlapping_export_does_not_double_count() throws Exception {
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      upload(
          ws,
          csv(
              "week1.csv",
              HEADER
                  + order("1001", "已发货", "2026-05-02 10:00:00", "")
                  + order("1002", "已发货", "2026-05-02 10:00:00", "")));
      IngestReport second =
          upload(
              ws,
              csv(
                  "week2.csv",
                  HEADER
                      + order("1002", "已完成", "2026-05-02 10:00:00", "2026-05-09 10:00:00")
                      + order("1001", "已发货", "2026-05-02 10:00:00", "")
                      + order("1003", "待发货", "", "")));
      assertEquals(new MergeCounts(1, 1, 1), second.files().get(0).changes());
      assertEquals(3, second.ordersDistinct());
      Table orders = ws.database("shop1").load(FileKind.ORDERS, false);
      assertEquals(
          "已完成",
          orders
              .where(orders.stringColumn("sub_order_id").isEqualTo("1002"))
              .stringColumn("order_status")
              .get(0));
    }
  }

  @Test
  void an_older_export_uploaded_later_does_not_undo_a_newer_status() throws Exception {
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      upload(
          ws,
          csv(
              "new.csv",
              HEADER + order("1002", "已完成", "2026-05-02 10:00:00", "2026-05-09 10:00:00")));
      IngestReport old =
          upload(ws, csv("old.csv", HEADER + order("1002", "已发货", "2026-05-02 10:00:00", "")));
      assertEquals(new MergeCounts(0, 0, 1), old.files().get(0).changes());
      Table orders = ws.database("shop1").load(FileKind.ORDERS, false);
      assertEquals("已完成", orders.stringColumn("order_status").get(0));
    }
  }

  @Test
  void the_same_order_twice_in_one_file_counts_once_and_the_newer_row_wins() throws Exception {
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      IngestReport r =
          upload(
              ws,
              csv(
                  "dup.csv",
                  HEADER
                      + order("1002", "已完成", "2026-05-02 10:00:00", "2026-05-09 10:00:00")
                      + order("1002", "已发货", "2026-05-02 10:00:00", "")));
      assertEquals(new MergeCounts(1, 0, 1), r.files().get(0).changes());
      assertEquals(1, r.ordersDistinct());
      assertEquals(
          "已完成",
          ws.database("shop1").load(FileKind.ORDERS, false).stringColumn("order_status").get(0));
    }
  }

  @Test
  void everything_survives_a_restart() throws Exception {
    IngestReport first;
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      first = upload(ws, sample("订单明细.csv"), sample("销量删除记录.csv"), sample("评价.csv"));
    }
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      assertEquals(List.of("shop1"), ws.list().stream().map(ShopSummary::id).toList());
      assertEquals(first, ws.latestReport("shop1").orElseThrow());
      ShopDatabase db = ws.database("shop1");
      // 421 accepted rows, one of them (the formula row) a later copy of order 6920000000030020854.
      assertEquals(420, db.count(FileKind.ORDERS));
      assertEquals(70, db.count(FileKind.DELETIONS));
      Table orders = db.load(FileKind.ORDERS, true);
      assertEquals(420, orders.rowCount());
      assertTrue(orders.stringColumn("sub_order_id").contains("6920000000030013481"));
      assertTrue(orders.stringColumn("product_name").contains("=HYPERLINK(\"http://x\",\"点我\")"));
      assertEquals("##密文", orders.stringColumn("extra:收件人").get(0));
    }
  }

  @Test
  void upload_parts_a_killed_server_left_in_the_data_folder_are_removed_at_start()
      throws Exception {
    Path spool = data.resolve("upload-tmp");
    Files.createDirectories(spool);
    Path left = Files.writeString(spool.resolve("MultiPart123.tmp"), "a copy of someone's exports");
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      assertFalse(Files.exists(left));
      assertEquals(spool, ws.uploadTemp());
      assertTrue(Files.isDirectory(ws.uploadTemp()), "ready for the next upload");
    }
  }

  @Test
  void stored_tables_read_back_equal_to_the_parsed_ones() throws Exception {
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      upload(ws, sample("订单明细.csv"), sample("商品流量.csv")); // a shop needs its orders
      Table stored = ws.database("shop1").load(FileKind.TRAFFIC, false);
      Table parsed;
      try (var in = getClass().getResourceAsStream("/samples/douyin-export-small/商品流量.csv")) {
        parsed = ExportReader.read("商品流量.csv", in).table().sortOn("date", "product_id");
      }
      assertEquals(parsed.toString(), stored.sortOn("date", "product_id").toString());
    }
  }

  @Test
  void an_upload_that_fails_before_commit_leaves_the_shop_as_it_was() throws Exception {
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      IngestReport before =
          upload(ws, csv("week1.csv", HEADER + order("1001", "已发货", "2026-05-02 10:00:00", "")));
      RuntimeException interrupted =
          assertThrows(
              RuntimeException.class,
              () ->
                  ws.upload(
                      "shop1",
                      List.of(
                          csv(
                              "week2.csv",
                              HEADER
                                  + order(
                                      "1001", "已完成", "2026-05-02 10:00:00", "2026-05-09 10:00:00")
                                  + order("1009", "已发货", "2026-05-02 10:00:00", ""))),
                      stage -> {
                        if (stage.equals("committing")) {
                          throw new RuntimeException("power cut");
                        }
                      }));
      assertEquals("power cut", interrupted.getMessage());
      assertEquals(before, ws.latestReport("shop1").orElseThrow());
      assertEquals(1, ws.database("shop1").count(FileKind.ORDERS));
      assertEquals(
          "已发货",
          ws.database("shop1").load(FileKind.ORDERS, false).stringColumn("order_status").get(0));
      assertEquals(1, ws.database("shop1").uploads().size());
    }
  }

  @Test
  void an_upload_of_only_unreadable_files_is_refused_and_stores_nothing() throws Exception {
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      upload(ws, csv("week1.csv", HEADER + order("1001", "已发货", "2026-05-02 10:00:00", "")));
      UploadRefusedException e =
          assertThrows(
              UploadRefusedException.class,
              () -> upload(ws, csv("empty.csv", ""), csv("header.csv", HEADER)));
      assertEquals(
          List.of("the file is empty", "the file has a header row but no data rows"),
          e.report().files().stream().map(FileReport::message).toList());
      assertEquals(1, ws.database("shop1").uploads().size());
      assertEquals(1, ws.database("shop1").count(FileKind.ORDERS));
    }
  }

  @Test
  void shop_ids_that_could_escape_the_data_folder_are_refused() throws IOException, SQLException {
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      for (String bad : new String[] {"../x", "a/b", "", ".hidden", "a b"}) {
        assertThrows(IllegalArgumentException.class, () -> ws.database(bad), bad);
      }
    }
  }
}
