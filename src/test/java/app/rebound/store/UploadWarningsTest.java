package app.rebound.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.analysis.BatchCause;
import app.rebound.analysis.ImpactAnalysis;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.FileReport;
import app.rebound.ingest.IngestReport;
import app.rebound.ingest.IngestWarning;
import app.rebound.service.StoredShop;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads accepted although they change what the analysis can say each carry a warning in their
 * ingest report, counted, with examples and the handling; the sample shop, which has none of it,
 * carries none.
 */
class UploadWarningsTest {

  private static final Path SAMPLES = Path.of("src/test/resources/samples/douyin-export-small");
  private static final String SHOP = "s";

  @TempDir Path data;
  Workspaces workspaces;
  List<String> orderLines;

  @BeforeEach
  void open() throws Exception {
    workspaces = new Workspaces(data, Clock.systemDefaultZone());
    orderLines = Files.readAllLines(SAMPLES.resolve("订单明细.csv"));
  }

  @AfterEach
  void close() throws Exception {
    workspaces.close();
  }

  private IngestReport upload(String name, List<String> lines) throws Exception {
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    return workspaces.upload(
        SHOP, List.of(new UploadFile(name, () -> new ByteArrayInputStream(bytes))), p -> {});
  }

  private static Map<String, IngestWarning> warnings(FileReport report) {
    return report.warnings().stream()
        .collect(Collectors.toMap(IngestWarning::code, Function.identity()));
  }

  /** The sample's order line with its first two cells (主订单编号, 子订单编号) replaced. */
  private String orderWithIds(String line, String orderId, String subOrderId) {
    String[] cells = line.split(",", -1);
    cells[0] = orderId;
    cells[1] = subOrderId;
    return String.join(",", cells);
  }

  @Test
  void the_sample_shop_warns_of_its_one_repeated_row_only() throws Exception {
    IngestReport report =
        workspaces.upload(
            SHOP,
            List.of(
                BadInputCorpusTest.file(SAMPLES.resolve("订单明细.csv")),
                BadInputCorpusTest.file(SAMPLES.resolve("销量删除记录.csv"))),
            p -> {});
    FileReport orders = report.files().get(0);
    assertEquals(
        List.of("repeated_key"), orders.warnings().stream().map(IngestWarning::code).toList());
    assertEquals(1, orders.warnings().get(0).count(), "the export repeats one accepted line");
    assertEquals(List.of(), report.files().get(1).warnings(), "every deletion has its order");

    // Two overlapping exports uploaded together repeat each other's orders: no warning.
    IngestReport overlapping =
        workspaces.upload(
            SHOP,
            List.of(
                BadInputCorpusTest.file(SAMPLES.resolve("订单明细.csv")),
                BadInputCorpusTest.file(SAMPLES.resolve("订单明细-GBK.csv"))),
            p -> {});
    assertEquals(1, overlapping.files().get(1).warnings().size(), "only its own repeated line");
  }

  @Test
  void a_thousand_rows_sharing_one_sub_order_id_are_kept_as_one_and_said() throws Exception {
    List<String> lines = new ArrayList<>(orderLines.subList(0, 11)); // header and 10 orders
    for (int i = 0; i < 1_000; i++) {
      lines.add(orderWithIds(orderLines.get(1), "\t7000000000000000001", "\t7000000000000000001"));
    }
    FileReport orders = upload("订单明细.csv", lines).files().get(0);

    assertEquals(1_010, orders.rowsAccepted());
    IngestWarning repeated = warnings(orders).get("repeated_key");
    assertEquals(999, repeated.count(), repeated.message());
    assertEquals(List.of("7000000000000000001"), repeated.examples());
    assertTrue(repeated.message().contains("子订单编号"), repeated.message());
    assertTrue(repeated.message().contains("One row per 子订单编号 is kept"), repeated.message());
    assertEquals(11, workspaces.database(SHOP).count(FileKind.ORDERS), "one row per sub-order");
  }

  @Test
  void an_order_id_on_more_lines_than_a_real_order_has_is_said() throws Exception {
    List<String> lines = new ArrayList<>(orderLines.subList(0, 11));
    for (int i = 0; i < 150; i++) {
      lines.add(orderWithIds(orderLines.get(1), "\t7000000000000000001", "\t71" + (1000 + i)));
    }
    FileReport orders = upload("订单明细.csv", lines).files().get(0);

    IngestWarning many = warnings(orders).get("order_many_lines");
    assertEquals(1, many.count(), many.message());
    assertEquals(List.of("7000000000000000001 (150)"), many.examples());
    assertEquals(160, workspaces.database(SHOP).count(FileKind.ORDERS), "kept as they are");
    assertTrue(!warnings(orders).containsKey("repeated_key"), "no sub-order repeats");
  }

  @Test
  void deletions_of_orders_the_shop_lacks_and_before_its_first_order_are_said_and_kept()
      throws Exception {
    // Orders from 2026-05-01 on; deletions of 3 unknown sub-orders, 2 of them dated in April.
    upload("订单明细.csv", orderLines);
    List<String> deletions =
        new ArrayList<>(Files.readAllLines(SAMPLES.resolve("销量删除记录.csv")).subList(0, 4));
    deletions.add(
        "\t7100000000000000001,\t7100000000000000001,\t3500000000003039604,2026/05/30,疑似虚假交易,WG9");
    deletions.add(
        "\t7100000000000000002,\t7100000000000000002,\t3500000000003039604,2026/04/20,疑似虚假交易,WG8");
    deletions.add(
        "\t7100000000000000003,\t7100000000000000003,\t3500000000003039604,2026/04/21,疑似虚假交易,WG8");
    FileReport report = upload("销量删除记录.csv", deletions).files().get(0);

    Map<String, IngestWarning> warnings = warnings(report);
    IngestWarning unknown = warnings.get("deletion_unknown_order");
    assertEquals(3, unknown.count(), unknown.message());
    assertEquals(
        List.of("7100000000000000001", "7100000000000000002", "7100000000000000003"),
        unknown.examples().stream().sorted().toList());
    IngestWarning early = warnings.get("deletion_before_orders");
    assertEquals(2, early.count(), early.message());
    assertEquals(List.of("7100000000000000002", "7100000000000000003"), early.examples());
    assertTrue(early.message().contains("(2026-05-01)"), early.message());
    assertEquals(6, workspaces.database(SHOP).count(FileKind.DELETIONS), "all kept");

    // The handling holds: the shop is analysed and the unknown ones count in their batches.
    Map<String, Integer> batches =
        ImpactAnalysis.run(StoredShop.load(workspaces.database(SHOP))).causes().stream()
            .collect(Collectors.toMap(BatchCause::id, BatchCause::orders));
    assertEquals(2, batches.get("WG8"), batches.toString());
    assertEquals(1, batches.get("WG9"), batches.toString());
  }
}
