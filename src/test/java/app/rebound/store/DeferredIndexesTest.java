package app.rebound.store;

import static app.rebound.store.WorkspacesTest.CLOCK;
import static app.rebound.store.WorkspacesTest.HEADER;
import static app.rebound.store.WorkspacesTest.csv;
import static app.rebound.store.WorkspacesTest.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.ingest.FileKind;
import app.rebound.ingest.FileReport;
import app.rebound.ingest.IngestReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file filling an empty kind drops the kind's own indexes (those the row lists search a product's
 * orders and a notice's deletions by) and makes them again once its rows are in. Whatever becomes
 * of the upload, the shop must end with the indexes a new shop has: after a stored upload, after a
 * file refused part way, and after an upload that failed before its commit.
 */
class DeferredIndexesTest {

  private static final Path SAMPLES = Path.of("src/test/resources/samples/douyin-export-small");
  private static final String SHOP = "shop1";

  @TempDir Path kept;
  @TempDir Path scratch;

  private static List<UploadFile> sample() throws Exception {
    try (Stream<Path> paths = Files.list(SAMPLES)) {
      return paths
          .filter(p -> !p.getFileName().toString().contains("GBK"))
          .sorted()
          .map(BadInputCorpusTest::file)
          .toList();
    }
  }

  @Test
  void a_first_upload_leaves_the_indexes_a_new_shop_has() throws Exception {
    for (Durability durability : Durability.values()) {
      Path data = durability == Durability.KEPT ? kept : scratch;
      try (Workspaces ws = new Workspaces(data, CLOCK, 1_000_000, durability)) {
        ws.database(SHOP);
        List<String> made = indexes(data);
        assertTrue(
            made.stream().anyMatch(i -> i.startsWith("rows_orders_by_product|"))
                && made.stream().anyMatch(i -> i.startsWith("rows_deletions_by_notice|")),
            made.toString());

        ws.upload(SHOP, sample(), stage -> {});

        assertTrue(ws.database(SHOP).count(FileKind.ORDERS) > 0);
        assertTrue(ws.database(SHOP).count(FileKind.DELETIONS) > 0);
        assertEquals(made, indexes(data), durability.name());
      }
    }
  }

  @Test
  void an_orders_file_refused_part_way_leaves_them_too() throws Exception {
    StringBuilder file = new StringBuilder(HEADER);
    for (int i = 0; i < 50; i++) {
      file.append(order(String.valueOf(1000 + i), "已发货", "2026-05-02 10:00:00", ""));
    }
    try (Workspaces ws = new Workspaces(kept, CLOCK, 20)) {
      ws.database(SHOP);
      List<String> made = indexes(kept);
      IngestReport report =
          ws.upload(
              SHOP,
              List.of(
                  csv("orders.csv", file.toString()),
                  csv("more.csv", HEADER + order("2001", "已发货", "2026-05-02 10:00:00", ""))),
              stage -> {});

      assertTrue(report.files().get(0).refused(), "the long file is refused");
      assertEquals(
          List.of(false), report.files().stream().skip(1).map(FileReport::refused).toList());
      assertEquals(1, ws.database(SHOP).count(FileKind.ORDERS), "only the second file's row");
      assertEquals(made, indexes(kept));
    }
  }

  @Test
  void an_upload_that_fails_before_its_commit_leaves_them_too() throws Exception {
    try (Workspaces ws = new Workspaces(kept, CLOCK)) {
      ws.database(SHOP);
      List<String> made = indexes(kept);
      assertThrows(
          RuntimeException.class,
          () ->
              ws.upload(
                  SHOP,
                  sample(),
                  stage -> {
                    if (stage.equals("committing")) {
                      throw new RuntimeException("power cut");
                    }
                  }));

      assertEquals(0, ws.database(SHOP).count(FileKind.ORDERS));
      assertEquals(made, indexes(kept));
    }
  }

  /** Every index of the shop's database, name and definition. */
  private static List<String> indexes(Path data) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + data.resolve("shops").resolve(SHOP).resolve("shop.db"));
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name, tbl_name, coalesce(sql, '') FROM sqlite_master"
                    + " WHERE type = 'index' ORDER BY name")) {
      while (rs.next()) {
        out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
      }
    }
    return out;
  }
}
