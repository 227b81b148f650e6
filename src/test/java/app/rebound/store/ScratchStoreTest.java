package app.rebound.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.analysis.ShopData;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.FileReport;
import app.rebound.ingest.IngestReport;
import app.rebound.service.StoredShop;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store of one analyze run (journal in memory, nothing synced, no per-upload copies) takes an
 * upload exactly as a merchant's shop does: the same report, warnings and refusals included, and
 * the same rows for the analysis. Only what it does not keep differs: its upload cannot be deleted
 * and it takes no second one.
 */
class ScratchStoreTest {

  private static final Path SAMPLES = Path.of("src/test/resources/samples/douyin-export-small");
  private static final String SHOP = "s";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-20T04:00:00Z"), ZoneOffset.UTC);

  /** Fewer than the sample's orders need, so a file longer than that is refused part way. */
  private static final int MAX_ROWS = 500;

  @TempDir Path kept;
  @TempDir Path scratch;

  /**
   * The sample's exports, and files that make every warning the store reports from an upload's own
   * rows (a sub-order repeated, an order on too many lines, deletions of orders the shop lacks and
   * dated before its first order), and a traffic file refused after {@link #MAX_ROWS} rows.
   */
  private static List<UploadFile> exports() throws Exception {
    List<UploadFile> files = new ArrayList<>();
    try (Stream<Path> paths = Files.list(SAMPLES)) {
      paths
          .filter(p -> !p.getFileName().toString().contains("GBK"))
          .sorted()
          .forEach(p -> files.add(BadInputCorpusTest.file(p)));
    }
    List<String> orders = Files.readAllLines(SAMPLES.resolve("订单明细.csv"));
    List<String> more = new ArrayList<>(List.of(orders.get(0)));
    for (int i = 0; i < 120; i++) {
      String[] cells = orders.get(1).split(",", -1);
      cells[0] = "\t7000000000000000001";
      cells[1] = "\t71" + (1000 + i % 110); // 110 lines of one order, 10 sub-orders repeated
      more.add(String.join(",", cells));
    }
    files.add(text("订单明细-补充.csv", more));
    List<String> deletions =
        new ArrayList<>(Files.readAllLines(SAMPLES.resolve("销量删除记录.csv")).subList(0, 1));
    deletions.add(
        "\t7100000000000000001,\t7100000000000000001,\t3500000000003039604,2026/04/20,疑似虚假交易,WG8");
    files.add(text("销量删除记录-补充.csv", deletions));
    List<String> traffic = Files.readAllLines(SAMPLES.resolve("商品流量.csv"));
    List<String> tooLong = new ArrayList<>(traffic);
    tooLong.addAll(traffic.subList(1, traffic.size()));
    tooLong.addAll(traffic.subList(1, traffic.size()));
    files.add(text("商品流量-长.csv", tooLong));
    return files;
  }

  private static UploadFile text(String name, List<String> lines) {
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    return new UploadFile(name, () -> new ByteArrayInputStream(bytes));
  }

  private static String csv(ShopData shop) {
    StringBuilder out = new StringBuilder();
    for (FileKind kind : FileKind.values()) {
      out.append(kind).append('\n').append(shop.table(kind).write().toString("csv"));
    }
    return out.toString();
  }

  @Test
  void a_scratch_store_takes_an_upload_as_a_merchants_shop_does() throws Exception {
    try (Workspaces shop = new Workspaces(kept, CLOCK, MAX_ROWS);
        Workspaces run = new Workspaces(scratch, CLOCK, MAX_ROWS, Durability.SCRATCH)) {
      IngestReport keptReport = shop.upload(SHOP, exports(), p -> {});
      IngestReport scratchReport = run.upload(SHOP, exports(), p -> {});

      assertEquals(
          Json.MAPPER.writeValueAsString(keptReport),
          Json.MAPPER.writeValueAsString(scratchReport));
      List<String> warned =
          keptReport.files().stream()
              .flatMap(f -> f.warnings().stream())
              .map(w -> w.code())
              .distinct()
              .sorted()
              .toList();
      assertEquals(
          List.of(
              "deletion_before_orders",
              "deletion_unknown_order",
              "order_many_lines",
              "repeated_key"),
          warned.stream().filter(c -> !c.startsWith("unknown")).toList(),
          "the upload exercises every warning read from an upload's own rows");
      assertTrue(
          keptReport.files().stream().anyMatch(FileReport::refused), "one file refused part way");
      for (FileKind kind : FileKind.values()) {
        assertEquals(shop.database(SHOP).count(kind), run.database(SHOP).count(kind), kind.id());
      }
      assertEquals(
          csv(StoredShop.load(shop.database(SHOP))), csv(StoredShop.load(run.database(SHOP))));
    }
  }

  @Test
  void its_one_upload_cannot_be_deleted_nor_followed_by_another() throws Exception {
    try (Workspaces run = new Workspaces(scratch, CLOCK, MAX_ROWS, Durability.SCRATCH)) {
      run.upload(SHOP, exports(), p -> {});
      long orders = run.database(SHOP).count(FileKind.ORDERS);
      long upload = run.database(SHOP).latestUploadId().orElseThrow();

      assertThrows(UploadNotDeletableException.class, () -> run.deleteUpload(SHOP, upload));
      assertThrows(IllegalStateException.class, () -> run.upload(SHOP, exports(), p -> {}));
      assertEquals(orders, run.database(SHOP).count(FileKind.ORDERS), "nothing changed");
      assertEquals(upload, run.database(SHOP).latestUploadId().orElseThrow());
    }
  }
}
