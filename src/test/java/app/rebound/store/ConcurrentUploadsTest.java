package app.rebound.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Slow;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.FileReport;
import app.rebound.ingest.IngestReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;

/**
 * Uploads running at once. To one shop they queue and end as one after the other would, in either
 * order; to several shops each lands whole in its own.
 */
@Slow
class ConcurrentUploadsTest {

  static final int ROUNDS = 40;

  @TempDir Path data;

  static String resource(String name) throws IOException {
    try (InputStream in =
        ConcurrentUploadsTest.class.getResourceAsStream("/samples/douyin-export-small/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * A later export of the sample's orders: every other shipped order has since completed and every
   * other waiting order has shipped, so those rows carry a later latest event; the rest are the
   * same rows.
   */
  static String laterOrders(String sample) {
    StringBuilder out = new StringBuilder();
    int shipped = 0;
    int waiting = 0;
    for (String line : sample.split("\n", -1)) {
      String[] f = line.split(",", -1);
      if (f.length == 31 && f[14].equals("已发货") && shipped++ % 2 == 0) {
        f[13] = "2026-07-01 09:00:00"; // after every event of the sample (its last is in mid June)
        f[14] = "已完成";
      } else if (f.length == 31 && f[14].equals("待发货") && waiting++ % 2 == 0) {
        f[12] = "2026-06-30 09:00:00";
        f[14] = "已发货";
      }
      out.append(String.join(",", f)).append(line.isEmpty() ? "" : "\n");
    }
    return out.toString().stripTrailing() + "\n";
  }

  /**
   * Every stored row of a kind (with the export's unknown columns), one string each, in key order.
   */
  static List<String> rows(ShopDatabase db, FileKind kind) throws Exception {
    Table t = db.load(kind, true);
    List<String> rows = new ArrayList<>();
    rows.add(String.join("|", t.columnNames()));
    for (int r = 0; r < t.rowCount(); r++) {
      int row = r;
      rows.add(t.columns().stream().map(c -> c.getString(row)).collect(Collectors.joining("|")));
    }
    return rows;
  }

  /** Equal row lists; on a difference, says where instead of printing every row. */
  static void assertSameRows(List<String> expected, List<String> actual, String message) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertEquals(expected.get(i), actual.get(i), message + ": row " + i + " differs");
    }
    assertEquals(expected.size(), actual.size(), message + ": another number of rows");
  }

  /**
   * The stored orders after uploading the given files one after the other into a new data folder.
   */
  static List<String> sequentially(Path dir, List<UploadFile> files) throws Exception {
    try (Workspaces ws = new Workspaces(dir, WorkspacesTest.CLOCK)) {
      for (UploadFile file : files) {
        ws.upload("s", List.of(file), p -> {});
      }
      return rows(ws.database("s"), FileKind.ORDERS);
    }
  }

  static String integrity(Path data, String shop) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + data.resolve("shops").resolve(shop).resolve("shop.db"));
        ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /**
   * Runs the tasks on their own threads, released together by a barrier; their results in task
   * order.
   */
  static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      CyclicBarrier start = new CyclicBarrier(tasks.size());
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return task.call();
                }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest(name = "one Workspaces shared: {0}")
  @ValueSource(booleans = {true, false})
  @Timeout(60)
  void two_overlapping_order_exports_uploaded_at_once_end_as_either_sequential_order_would(
      boolean shared) throws Exception {
    String sample = resource("订单明细.csv");
    String later = laterOrders(sample);
    UploadFile earlier = WorkspacesTest.csv("订单明细.csv", sample);
    UploadFile newer = WorkspacesTest.csv("订单明细-later.csv", later);
    List<String> expected = sequentially(data.resolve("ab"), List.of(earlier, newer));
    assertSameRows(
        expected,
        sequentially(data.resolve("ba"), List.of(newer, earlier)),
        "the merge is newer-wins, so the order of the two uploads does not matter");
    assertTrue(
        !sequentially(data.resolve("a"), List.of(earlier)).equals(expected),
        "the later export changes orders");

    Path folder = data.resolve("together");
    // Shared: one Workspaces as the web app has (its shop's connection queues them); not shared:
    // two, as two
    // processes on one folder would be (SQLite's write lock queues them).
    try (Workspaces first = new Workspaces(folder, WorkspacesTest.CLOCK);
        Workspaces second = shared ? first : new Workspaces(folder, WorkspacesTest.CLOCK)) {
      for (int round = 0; round < ROUNDS; round++) {
        String shop = "r" + round;
        List<IngestReport> reports =
            atOnce(
                List.of(
                    () -> first.upload(shop, List.of(earlier), p -> {}),
                    () -> second.upload(shop, List.of(newer), p -> {})));

        assertSameRows(expected, rows(first.database(shop), FileKind.ORDERS), "round " + round);
        assertEquals("ok", integrity(folder, shop));
        List<UploadRecord> uploads = first.database(shop).uploads();
        assertEquals(2, uploads.size(), "each upload is recorded once");
        assertEquals(
            Set.copyOf(reports),
            uploads.stream().map(UploadRecord::report).collect(Collectors.toSet()),
            "each upload's record holds its own report");
        // One of them came first and added every order; the other found them all stored.
        List<Long> added =
            reports.stream()
                .map(r -> r.files().get(0))
                .map(FileReport::changes)
                .map(c -> c.added())
                .sorted()
                .toList();
        assertEquals(List.of(0L, 420L), added, "round " + round);
        reports.forEach(r -> assertEquals(425, r.files().get(0).rowsRead()));
      }
    }
  }

  /**
   * The sample's orders and deletions with every sub-order id moved into a range of the shop's own.
   */
  static List<UploadFile> shopFiles(int shop) throws IOException {
    String prefix = "692000000004" + shop; // the sample's ids start 6920000000030, as many digits
    List<UploadFile> files = new ArrayList<>();
    for (String name : List.of("订单明细.csv", "销量删除记录.csv")) {
      files.add(WorkspacesTest.csv(name, resource(name).replace("6920000000030", prefix)));
    }
    files.add(WorkspacesTest.sample("商品流量.csv"));
    return files;
  }

  @Test
  @Timeout(60)
  void uploads_to_four_shops_at_once_each_land_whole_in_their_own_shop() throws Exception {
    int shops = 4;
    int uploadsEach = 5;
    List<List<String>> expectedOrders = new ArrayList<>();
    List<List<String>> expectedDeletions = new ArrayList<>();
    for (int k = 0; k < shops; k++) {
      try (Workspaces alone = new Workspaces(data.resolve("alone-" + k), WorkspacesTest.CLOCK)) {
        alone.upload("s", shopFiles(k), p -> {});
        expectedOrders.add(rows(alone.database("s"), FileKind.ORDERS));
        expectedDeletions.add(rows(alone.database("s"), FileKind.DELETIONS));
      }
    }

    Path folder = data.resolve("together");
    try (Workspaces ws = new Workspaces(folder, WorkspacesTest.CLOCK)) {
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int k = 0; k < shops; k++) {
        int shop = k;
        tasks.add(
            () -> {
              for (int i = 0; i < uploadsEach; i++) {
                ws.upload("shop" + shop, shopFiles(shop), p -> {});
              }
              return shop;
            });
      }
      atOnce(tasks);

      assertEquals(
          List.of("shop0", "shop1", "shop2", "shop3"),
          ws.list().stream().map(ShopSummary::id).toList());
      for (int k = 0; k < shops; k++) {
        ShopDatabase db = ws.database("shop" + k);
        assertEquals("ok", integrity(folder, "shop" + k));
        assertEquals(uploadsEach, db.uploads().size());
        assertSameRows(
            expectedOrders.get(k), rows(db, FileKind.ORDERS), "shop" + k + " holds its own orders");
        assertSameRows(
            expectedDeletions.get(k), rows(db, FileKind.DELETIONS), "shop" + k + "'s deletions");
        String prefix = "692000000004" + k;
        Table orders = db.load(FileKind.ORDERS, false);
        assertTrue(
            orders.stringColumn("sub_order_id").asList().stream()
                .allMatch(id -> id.startsWith(prefix)),
            "no other shop's order in shop" + k);
      }
    }
  }
}
