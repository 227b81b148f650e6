package app.rebound.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.analysis.ShopData;
import app.rebound.ingest.FileKind;
import app.rebound.sim.ShopSimulator;
import app.rebound.sim.SimConfig;
import app.rebound.store.RowsInHand;
import app.rebound.store.UploadFile;
import app.rebound.store.Workspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The analyze command analyses the rows it has just uploaded without reading them back: they must
 * be the very tables the store gives back, cell for cell and in the same order, or the reports of
 * {@code analyze} and of the server would differ. Where the upload merged rows (two exports of the
 * same orders, an upload onto a stored shop) only the store knows the result, and it is read.
 */
class RowsInHandTest {

  static final Path CSV = Path.of("src/test/resources/samples/douyin-export-small");
  static final Path REAL = Path.of("src/test/resources/samples/douyin-export-real-small");
  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

  @TempDir Path data;

  static List<UploadFile> folder(Path dir, String... leaveOut) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> !p.getFileName().toString().endsWith(".md"))
          .filter(p -> !List.of(leaveOut).contains(p.getFileName().toString()))
          .sorted()
          .map(p -> new UploadFile(p.getFileName().toString(), () -> Files.newInputStream(p)))
          .toList();
    }
  }

  @Test
  void the_csv_samples_rows_in_hand_are_the_stored_rows() throws Exception {
    // Every kind but the orders, whose export repeats a sub-order (the store keeps one row).
    assertInHandIsStored(
        folder(CSV, "订单明细-GBK.csv"),
        FileKind.TRAFFIC,
        FileKind.CHATS,
        FileKind.SHOP_SCORES,
        FileKind.REVIEWS,
        FileKind.AFFILIATES,
        FileKind.DELETIONS);
  }

  @Test
  void the_real_format_samples_rows_in_hand_are_the_stored_rows() throws Exception {
    // .xlsx orders, a .zip of daily 罗盘 files, commission orders, 售后, GB18030 reviews.
    assertInHandIsStored(
        folder(REAL), FileKind.TRAFFIC, FileKind.CHATS, FileKind.REVIEWS, FileKind.DELETIONS);
  }

  @Test
  void a_simulated_shops_orders_and_every_other_kind_are_in_hand(@TempDir Path shop)
      throws Exception {
    ShopSimulator.write(SimConfig.defaults().withSeed(7), shop);
    List<UploadFile> csvs = folder(shop).stream().filter(f -> f.name().endsWith(".csv")).toList();
    assertInHandIsStored(
        csvs,
        FileKind.ORDERS,
        FileKind.TRAFFIC,
        FileKind.CHATS,
        FileKind.SHOP_SCORES,
        FileKind.REVIEWS,
        FileKind.AFFILIATES,
        FileKind.DELETIONS);
  }

  @Test
  void two_exports_of_the_same_orders_are_read_back_from_the_store() throws Exception {
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      RowsInHand inHand = StoredShop.rowsInHand();
      ws.upload("shop", folder(CSV), s -> {}, inHand); // 订单明细.csv and its GBK copy
      assertFalse(
          inHand.table(FileKind.ORDERS).isPresent(),
          "the second orders file met the first one's keys");
      assertTrue(inHand.table(FileKind.REVIEWS).isPresent(), "each review was new");
      assertSame(
          StoredShop.load(ws.database("shop")), StoredShop.load(ws.database("shop"), inHand));
    }
  }

  @Test
  void an_upload_onto_a_stored_shop_is_read_back_from_the_store_where_it_held_rows()
      throws Exception {
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      ws.upload("shop", folder(CSV, "订单明细-GBK.csv", "评价.csv"), s -> {});
      Set<FileKind> held = EnumSet.noneOf(FileKind.class);
      for (FileKind kind : FileKind.values()) {
        if (ws.database("shop").holdsRows(kind)) {
          held.add(kind);
        }
      }
      assertTrue(held.contains(FileKind.ORDERS) && !held.contains(FileKind.REVIEWS), "" + held);
      RowsInHand inHand = StoredShop.rowsInHand();
      ws.upload("shop", folder(CSV, "订单明细-GBK.csv", "订单明细.csv"), s -> {}, inHand);
      for (FileKind kind : FileKind.values()) {
        // A kind the shop held no rows of holds only the upload's (the reviews), or none.
        assertEquals(!held.contains(kind), inHand.table(kind).isPresent(), kind.id());
      }
      assertSame(
          StoredShop.load(ws.database("shop")), StoredShop.load(ws.database("shop"), inHand));
    }
  }

  private void assertInHandIsStored(List<UploadFile> files, FileKind... inHandKinds)
      throws Exception {
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      RowsInHand inHand = StoredShop.rowsInHand();
      ws.upload("shop", files, s -> {}, inHand);
      for (FileKind kind : inHandKinds) {
        assertTrue(inHand.table(kind).isPresent(), kind.id() + ": every row was new");
      }
      ShopData stored = StoredShop.load(ws.database("shop"));
      assertTrue(stored.orders().rowCount() > 0);
      assertSame(stored, StoredShop.load(ws.database("shop"), inHand));
    }
  }

  private static void assertSame(ShopData expected, ShopData actual) {
    for (FileKind kind : FileKind.values()) {
      Table e = expected.table(kind);
      Table a = actual.table(kind);
      assertEquals(e.columnNames(), a.columnNames(), kind.id());
      assertEquals(e.rowCount(), a.rowCount(), kind.id());
      for (int c = 0; c < e.columnCount(); c++) {
        Column<?> x = e.column(c);
        Column<?> y = a.column(c);
        assertEquals(x.type(), y.type(), kind.id() + "." + x.name());
        for (int row = 0; row < e.rowCount(); row++) {
          assertEquals(x.get(row), y.get(row), kind.id() + "." + x.name() + " row " + row);
        }
      }
    }
  }
}
