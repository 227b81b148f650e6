package app.rebound.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.ingest.FileKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Deleting an upload leaves the shop as if the upload had never been made: the rows only it held
 * go, the rows another upload holds too stay in that upload's version, other kinds are untouched,
 * and a delete that fails part way changes nothing.
 */
class DeleteUploadTest {

  private static final String SHOP = "shop1";

  /**
   * Three weekly exports of one shop. Order 2 completes in the second week, and the third week
   * brings last week's export again, its older state of order 2 at another price (which must not
   * win while the second upload stands); order 1 comes in every upload unchanged. A fourth export
   * only changes order 2 again.
   */
  private static final List<String> WEEKS =
      List.of(
          row("1", "已发货", "2026-05-02 10:00:00", "", "9.90")
              + row("2", "已发货", "2026-05-02 10:00:00", "", "9.90")
              + row("3", "已发货", "2026-05-02 10:00:00", "", "9.90"),
          row("1", "已发货", "2026-05-02 10:00:00", "", "9.90")
              + row("2", "已完成", "2026-05-02 10:00:00", "2026-05-09 10:00:00", "9.90")
              + row("4", "已发货", "2026-05-08 10:00:00", "", "19.90"),
          row("1", "已发货", "2026-05-02 10:00:00", "", "9.90")
              + row("2", "已发货", "2026-05-02 10:00:00", "", "8.80")
              + row("5", "已发货", "2026-05-15 10:00:00", "", "29.90"),
          row("2", "已完成", "2026-05-02 10:00:00", "2026-05-10 10:00:00", "7.70"));

  @TempDir Path data;

  private static String row(
      String id, String status, String shipped, String completed, String amount) {
    return WorkspacesTest.order("692000000000000000" + id, status, shipped, completed)
        .replace(",9.90,", "," + amount + ",");
  }

  /** Uploads the given weeks into a shop, the first with the sample deletion records beside it. */
  private static List<Long> build(Workspaces ws, String shop, List<Integer> weeks)
      throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int week : weeks) {
      List<UploadFile> files = new ArrayList<>();
      files.add(WorkspacesTest.csv("订单明细.csv", WorkspacesTest.HEADER + WEEKS.get(week)));
      if (week == 0) {
        files.add(WorkspacesTest.sample("销量删除记录.csv"));
      }
      ws.upload(shop, files, step -> {});
      ids.add(ws.database(shop).latestUploadId().orElseThrow());
    }
    return ids;
  }

  /** Every stored row of a kind, every column (the export's unknown ones too), in key order. */
  private static List<List<?>> contents(ShopDatabase db, FileKind kind) throws Exception {
    Table rows = db.load(kind, true);
    List<List<?>> out = new ArrayList<>();
    out.add(rows.columnNames());
    for (Column<?> column : rows.columns()) {
      out.add(new ArrayList<>(column.asList()));
    }
    return out;
  }

  private static Map<String, Object> order(ShopDatabase db, String id) throws Exception {
    Table orders =
        db.load(FileKind.ORDERS, List.of("sub_order_id", "order_status", "payable_amount"));
    for (int i = 0; i < orders.rowCount(); i++) {
      if (orders.stringColumn("sub_order_id").get(i).equals("692000000000000000" + id)) {
        return Map.of(
            "status", orders.stringColumn("order_status").get(i),
            "amount", orders.doubleColumn("payable_amount").get(i));
      }
    }
    return Map.of();
  }

  @Test
  void deleting_an_upload_removes_the_rows_only_it_holds_and_keeps_those_a_later_upload_holds()
      throws Exception {
    try (Workspaces ws = new Workspaces(data, WorkspacesTest.CLOCK)) {
      List<Long> ids = build(ws, SHOP, List.of(0, 1, 2));
      ShopDatabase db = ws.database(SHOP);
      long deletions = db.count(FileKind.DELETIONS);
      assertEquals(5, ws.summary(SHOP).ordersDistinct());

      DeletedUpload deleted = ws.deleteUpload(SHOP, ids.get(0));

      // Order 3 was only in the first week; orders 1 and 2 are in later weeks too.
      assertEquals(new DeletedUpload.Rows(1, 2), deleted.rows().get("orders"));
      assertEquals(Map.of(), order(db, "3"));
      assertEquals(Map.of("status", "已发货", "amount", 9.9), order(db, "1"));
      assertEquals(Map.of("status", "已完成", "amount", 9.9), order(db, "2"));
      assertEquals(4, db.count(FileKind.ORDERS));
      assertEquals(4, ws.summary(SHOP).ordersDistinct(), "the shops list counts what is left");
      // The deletion records came with the first upload alone: they go with it.
      assertTrue(deletions > 0);
      assertEquals(deletions, deleted.rows().get("deletions").removed());
      assertEquals(0, db.count(FileKind.DELETIONS));
      assertEquals(
          List.of(ids.get(2), ids.get(1)), db.uploads().stream().map(u -> u.id()).toList());
    }
  }

  @Test
  void deleting_the_upload_that_changed_a_row_gives_back_the_version_the_others_hold()
      throws Exception {
    try (Workspaces ws = new Workspaces(data, WorkspacesTest.CLOCK)) {
      List<Long> ids = build(ws, SHOP, List.of(0, 1, 2));
      ShopDatabase db = ws.database(SHOP);
      assertEquals(Map.of("status", "已完成", "amount", 9.9), order(db, "2"));
      List<List<?>> deletions = contents(db, FileKind.DELETIONS);

      DeletedUpload deleted = ws.deleteUpload(SHOP, ids.get(1));

      // Weeks one and three both hold order 2 as shipped, equally recent: the later upload wins.
      assertEquals(Map.of("status", "已发货", "amount", 8.8), order(db, "2"));
      assertEquals(Map.of(), order(db, "4"));
      assertEquals(new DeletedUpload.Rows(1, 2), deleted.rows().get("orders"));
      assertFalse(deleted.rows().containsKey("deletions"), "the upload had no deletion records");
      assertEquals(deletions, contents(db, FileKind.DELETIONS));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void the_shop_after_a_delete_equals_a_shop_built_from_the_remaining_uploads_only(int gone)
      throws Exception {
    try (Workspaces ws = new Workspaces(data, WorkspacesTest.CLOCK)) {
      List<Long> ids = build(ws, SHOP, List.of(0, 1, 2));
      ShopDatabase db = ws.database(SHOP);
      // A snapshot of the rows before the delete exists: the load after it must not trust it.
      db.load(FileKind.ORDERS, List.of("sub_order_id", "order_status", "payable_amount"));
      List<Integer> remaining = new ArrayList<>(List.of(0, 1, 2));
      remaining.remove(Integer.valueOf(gone));
      build(ws, "reference", remaining);
      ShopDatabase reference = ws.database("reference");

      ws.deleteUpload(SHOP, ids.get(gone));

      for (FileKind kind : FileKind.values()) {
        assertEquals(contents(reference, kind), contents(db, kind), kind.id());
      }
      assertEquals(
          reference
              .load(FileKind.ORDERS, List.of("sub_order_id", "order_status", "payable_amount"))
              .printAll(),
          db.load(FileKind.ORDERS, List.of("sub_order_id", "order_status", "payable_amount"))
              .printAll());
    }
  }

  @Test
  void rows_read_before_a_delete_that_only_changed_rows_are_not_read_from_their_copy_after_it()
      throws Exception {
    try (Workspaces ws = new Workspaces(data, WorkspacesTest.CLOCK)) {
      List<Long> ids = build(ws, SHOP, List.of(0, 1, 3));
      ShopDatabase db = ws.database(SHOP);
      assertEquals(Map.of("status", "已完成", "amount", 7.7), order(db, "2")); // kept as a snapshot

      ws.deleteUpload(SHOP, ids.get(2));

      assertEquals(4, db.count(FileKind.ORDERS), "the delete removed no order");
      assertEquals(Map.of("status", "已完成", "amount", 9.9), order(db, "2"));
    }
  }

  @Test
  void a_delete_drops_the_stored_analyses_and_moves_the_data_version_on() throws Exception {
    try (Workspaces ws = new Workspaces(data, WorkspacesTest.CLOCK)) {
      List<Long> ids = build(ws, SHOP, List.of(0, 1, 2));
      ShopDatabase db = ws.database(SHOP);
      DataVersion before = db.dataVersion().orElseThrow();
      assertTrue(db.saveAnalysis(before, LocalDateTime.now(), Map.of("zh", "{}")));

      ws.deleteUpload(SHOP, ids.get(0)); // not the latest: the latest upload's id stays

      DataVersion after = db.dataVersion().orElseThrow();
      assertNotEquals(before, after);
      assertFalse(db.hasAnalysis(before.upload(), "zh"));
      assertFalse(db.saveAnalysis(before, LocalDateTime.now(), Map.of("zh", "{}")));
      // The next upload's number is past the delete's, so the versions never repeat.
      build(ws, SHOP, List.of(0));
      assertTrue(db.latestUploadId().orElseThrow() > after.upload());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"rows of orders", "rows of deletions", "committing"})
  void a_delete_that_fails_part_way_leaves_the_shop_as_it_was(String failAt) throws Exception {
    try (Workspaces ws = new Workspaces(data, WorkspacesTest.CLOCK)) {
      List<Long> ids = build(ws, SHOP, List.of(0, 1, 2));
      ShopDatabase db = ws.database(SHOP);
      DataVersion version = db.dataVersion().orElseThrow();
      assertTrue(db.saveAnalysis(version, LocalDateTime.now(), Map.of("zh", "{}")));
      List<List<?>> orders = contents(db, FileKind.ORDERS);
      List<List<?>> deletions = contents(db, FileKind.DELETIONS);

      IllegalStateException crash =
          assertThrows(
              IllegalStateException.class,
              () ->
                  ws.deleteUpload(
                      SHOP,
                      ids.get(0),
                      step -> {
                        if (step.equals(failAt)) {
                          throw new IllegalStateException("crash at " + step);
                        }
                      }));
      assertEquals("crash at " + failAt, crash.getMessage());

      assertEquals(3, db.uploads().size());
      assertEquals(orders, contents(db, FileKind.ORDERS));
      assertEquals(deletions, contents(db, FileKind.DELETIONS));
      assertEquals(version, db.dataVersion().orElseThrow());
      assertTrue(db.hasAnalysis(version.upload(), "zh"));
      // Nothing half done is left in the way: the same delete then goes through.
      assertEquals(
          new DeletedUpload.Rows(1, 2), ws.deleteUpload(SHOP, ids.get(0)).rows().get("orders"));
    }
  }

  @Test
  void an_unknown_upload_or_shop_is_not_found_and_changes_nothing() throws Exception {
    try (Workspaces ws = new Workspaces(data, WorkspacesTest.CLOCK)) {
      build(ws, SHOP, List.of(0));
      DataVersion version = ws.database(SHOP).dataVersion().orElseThrow();
      assertThrows(UploadNotFoundException.class, () -> ws.deleteUpload(SHOP, 99));
      assertThrows(UploadNotFoundException.class, () -> ws.deleteUpload("nosuchshop", 1));
      assertFalse(ws.exists("nosuchshop"), "looking for an upload does not make a shop");
      assertEquals(version, ws.database(SHOP).dataVersion().orElseThrow());
    }
  }

  @Test
  void
      an_upload_stored_before_each_uploads_rows_were_kept_is_refused_and_a_later_one_deletes_exactly()
          throws Exception {
    Path dir = data.resolve("shops").resolve(SHOP);
    Files.createDirectories(dir);
    Files.copy(Path.of("src/test/resources/store/first-release/shop.db"), dir.resolve("shop.db"));
    try (Workspaces ws = new Workspaces(data, WorkspacesTest.CLOCK)) {
      ShopDatabase db = ws.database(SHOP);
      long legacy = db.latestUploadId().orElseThrow();
      assertFalse(db.uploads().get(0).deletable());
      List<List<?>> legacyOrders = contents(db, FileKind.ORDERS);

      UploadNotDeletableException refused =
          assertThrows(UploadNotDeletableException.class, () -> ws.deleteUpload(SHOP, legacy));
      assertTrue(refused.getMessage().contains("nothing was deleted"), refused.getMessage());
      assertEquals(legacyOrders, contents(db, FileKind.ORDERS));

      long next = build(ws, SHOP, List.of(1)).get(0);
      assertTrue(db.uploads().get(0).deletable());
      assertNotEquals(legacyOrders, contents(db, FileKind.ORDERS));
      ws.deleteUpload(SHOP, next);
      assertEquals(legacyOrders, contents(db, FileKind.ORDERS));
    }
  }
}
